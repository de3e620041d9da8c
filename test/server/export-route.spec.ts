import assert from 'node:assert/strict';
import { exportPersonalData, dataExportFile } from '../../src/app/privacy/export-personal-data';
import { silentLogger } from '../../src/app/ports/logger';
import { startHttpServer, type RunningHttpServer } from '../../src/server/http-server';
import { TENANT, useSessionWorld } from '../app/sessions/session-world';
import { tenantDirectoryId } from '../../src/domain/ids';

/** Where a person's data export is kept: the tenant's directory, for all their committees. */
const DIRECTORY = tenantDirectoryId(TENANT);

describe('server/http-server: data exports', () => {
  const fixture = useSessionWorld();
  let server: RunningHttpServer | undefined;
  afterEach(async () => {
    await server?.stop(1000);
    server = undefined;
  });

  it('serves the export as an uncached JSON attachment before expiry, and the same 404 for everything else', async () => {
    const { world } = fixture;
    server = await startHttpServer({
      port: 0,
      host: '127.0.0.1',
      logger: silentLogger,
      maxBodyBytes: 1024,
      handleMessage: async (_request, response) => void response.send(200, {}),
      isReady: async () => true,
      calendarFile: async () => undefined,
      minutesFile: async () => undefined,
      exportFile: (committeeId, token) => dataExportFile(world.deps, committeeId, token),
    });
    const link = await exportPersonalData(world.deps, await world.actor('sabine'));
    assert.ok(link);
    const { token } = link;
    assert.equal(link.path, `/api/export/${DIRECTORY}/${token}.json`);
    const response = await fetch(`${server.url}${link.path}`);
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('content-type'), 'application/json; charset=utf-8');
    assert.match(
      response.headers.get('content-disposition') ?? '',
      /^attachment; filename="gremium-meine-daten-\d{4}-\d{2}-\d{2}\.json"$/,
    );
    assert.equal(response.headers.get('cache-control'), 'no-store');
    assert.equal(
      (JSON.parse(await response.text()) as { committees: Array<{ person: { displayName: string } }> }).committees[0]!
        .person.displayName,
      'Sabine Hoffmann',
    );

    for (const path of [
      `${DIRECTORY}/${token}x.json`,
      `${DIRECTORY}/${token}`,
      `other/${token}.json`,
      `${DIRECTORY}/session-2027-1/${token}.json`,
      '',
    ]) {
      const wrong = await fetch(`${server.url}/api/export/${path}`);
      assert.equal(wrong.status, 404, path);
      assert.equal(wrong.headers.get('cache-control'), 'no-store');
    }
    world.clock.advance(24 * 60 * 60 * 1000);
    assert.equal((await fetch(`${server.url}/api/export/${DIRECTORY}/${token}.json`)).status, 404, 'expired');
  });
});

import assert from 'node:assert/strict';
import type { PersonDocument } from '../../../src/app/documents';
import { issueLinkAlong } from '../../../src/app/links/issue-link-along';
import { LINK_TYPE, linkDocumentId, type LinkDocument } from '../../../src/app/links/link-document';
import { openLink } from '../../../src/app/links/open-link';
import type { Document, DocumentStore } from '../../../src/app/ports/document-store';
import { personDocumentId, tenantDirectoryId } from '../../../src/domain/ids';
import { ENGINES, type OpenedEngine } from '../../support/engines';
import { PEOPLE, SessionWorld, TENANT } from '../sessions/session-world';

const DIRECTORY = tenantDirectoryId(TENANT);

/** The store, noting the name of every request made through it. */
function requestsNoted(store: DocumentStore): { readonly store: DocumentStore; readonly requests: string[] } {
  const requests: string[] = [];
  const noted = new Proxy(store, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver) as unknown;
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        requests.push(String(property));
        return (value as (...parameters: unknown[]) => unknown).apply(target, args);
      };
    },
  });
  return { store: noted, requests };
}

for (const engine of ENGINES) {
  describe(`app/links/issue-link-along on the ${engine.name}`, function () {
    this.timeout(60_000);
    let opened: OpenedEngine;
    let world: SessionWorld;
    beforeEach(async () => {
      opened = await engine.open();
      world = await SessionWorld.create(opened.store);
    });
    afterEach(async () => opened.close());

    const request = (id: string): Document & Record<string, unknown> => ({
      id,
      committeeId: DIRECTORY,
      type: 'dataExport',
      personId: PEOPLE.sabine,
    });
    const issue = (id: string) => ({
      recipient: { kind: 'person', id: PEOPLE.sabine } as const,
      target: { kind: 'export', exportId: id } as const,
      slot: `export|${id}`,
    });

    it('writes the document and its link in one batch, after the check only', async () => {
      const noted = requestsNoted(world.store);
      const link = await issueLinkAlong(
        { ...world.deps, store: noted.store },
        request('data-export-1'),
        issue('data-export-1'),
      );
      assert.ok(link);
      assert.deepEqual(noted.requests, ['get', 'batch']);
      assert.equal(link.path, `/api/export/${DIRECTORY}/${link.token}.json`);
      assert.ok(await world.store.get(DIRECTORY, 'data-export-1'));
      const stored = await openLink(world.deps, DIRECTORY, link.token, ['export']);
      assert.deepEqual(
        [stored?.exportId, stored?.recipientId, stored?.slot, stored?.expiresAt],
        ['data-export-1', PEOPLE.sabine, 'export|data-export-1', '2026-11-22T10:00:00.000Z'],
      );
      assert.equal(stored?.id, linkDocumentId(link.token));
    });

    it('writes neither for a person erased in the partition', async () => {
      await world.store.create<PersonDocument>({
        id: personDocumentId(PEOPLE.sabine),
        committeeId: DIRECTORY,
        type: 'person',
        aadObjectId: PEOPLE.sabine,
        displayName: 'ehemalige Person',
        roles: [],
        active: false,
        erasedAt: '2026-11-01T00:00:00.000Z',
      });
      assert.equal(await issueLinkAlong(world.deps, request('data-export-2'), issue('data-export-2')), undefined);
      assert.equal(await world.store.get(DIRECTORY, 'data-export-2'), undefined);
      assert.deepEqual(await world.store.query<LinkDocument>(DIRECTORY, { type: LINK_TYPE }), []);
    });

    it('writes neither when the document exists already: the batch fails as a whole', async () => {
      await world.store.create(request('data-export-3'));
      await assert.rejects(issueLinkAlong(world.deps, request('data-export-3'), issue('data-export-3')));
      assert.deepEqual(await world.store.query<LinkDocument>(DIRECTORY, { type: LINK_TYPE }), []);
    });
  });
}

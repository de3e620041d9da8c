import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { OparlSchemas } from './oparl-walk';

const EXAMPLES = path.join(__dirname, 'oparl-schema', 'examples');

/** The validator the interface's tests rely on must itself accept what is valid and refuse what is not. */
describe('server/oparl: the official schemas as the tests compile them', () => {
  const schemas = new OparlSchemas();
  const example = (file: string) =>
    JSON.parse(readFileSync(path.join(EXAMPLES, file), 'utf8')) as Record<string, unknown>;

  it('accepts every example of the specification', () => {
    const files = readdirSync(EXAMPLES).filter((file) => file.endsWith('.json'));
    assert.equal(files.length, 8);
    for (const file of files) schemas.validateAlone(example(file), file);
  });

  it("looks into embedded objects: the example meeting's agenda items lack the order OParl 1.1 requires", () => {
    assert.throws(
      () => schemas.validate(example('Meeting-01.json'), 'meeting'),
      /agendaItem: not a valid AgendaItem.*order/,
    );
    const meeting = example('Meeting-01.json');
    const items = (meeting.agendaItem as Array<Record<string, unknown>>).map((item, order) => ({ ...item, order }));
    const embedded = schemas.validate({ ...meeting, agendaItem: items }, 'meeting');
    assert.ok(embedded.some((inner) => inner.property === 'location'));
    assert.equal(embedded.filter((inner) => inner.property === 'agendaItem').length, items.length);
  });

  it('refuses an id that is no URL, a wrong type, a missing required property and a wrong embedded object', () => {
    const meeting = example('Meeting-01.json');
    assert.throws(() => schemas.validate({ ...meeting, id: 'meeting-1' }, 'id'), /not a valid Meeting/);
    assert.throws(() => schemas.validate({ ...meeting, cancelled: 'nein' }, 'cancelled'), /not a valid Meeting/);
    const file = example('File-01.json');
    const { accessUrl: _accessUrl, ...withoutAccess } = file;
    assert.throws(() => schemas.validate(withoutAccess, 'accessUrl'), /not a valid File/);
    assert.throws(
      () =>
        schemas.validate({ ...meeting, location: { ...example('Location-01.json'), geojson: 'Rathaus' } }, 'location'),
      /not a valid Location/,
    );
    assert.throws(() => schemas.validate({ ...meeting, location: file }, 'location'), /embeds the wrong type/);
  });
});

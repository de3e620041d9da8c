import assert from 'node:assert/strict';
import {
  agendaItemPath,
  bodyKeyOf,
  bodyListPath,
  bodyPath,
  committeeMeetingsPath,
  committeePath,
  filePath,
  institutionPath,
  locationPath,
  meetingPath,
  membershipPath,
  parseOparlPath,
  publishedObjectId,
  workingGroupPath,
} from '../../../src/domain/oparl/oparl-paths';

const C = 'tenant-11111111-2222-3333-4444-555555555555';
const S = 'session-2027-1';

describe('domain/oparl/oparl-paths', () => {
  const objects = [
    committeePath(C),
    workingGroupPath(C, 'group-abc'),
    institutionPath(C, 'seat-ihk'),
    membershipPath(C, 'seat-ihk', 'member'),
    membershipPath(C, 'seat-ihk', 'deputy'),
    meetingPath(C, S),
    agendaItemPath(C, S, 'item-1f2e'),
    locationPath(C, S),
    filePath(C, S, 'invitation'),
    filePath(C, S, 'results'),
  ];

  it('reads every object address back with the committee it belongs to, each kept under an id of its own', () => {
    for (const path of objects) assert.deepEqual(parseOparlPath(path), { kind: 'object', committeeId: C, path });
    const ids = objects.map(publishedObjectId);
    assert.equal(new Set(ids).size, objects.length);
    for (const id of ids) {
      assert.doesNotMatch(id, /[/\\?#]/, 'an id Cosmos DB can address');
      assert.ok(!id.includes(C), 'the committee is the partition, not part of the id');
    }
  });

  it("reads the entry point, the bodies and their lists, a committee's meetings and a file's bytes", () => {
    assert.deepEqual(parseOparlPath('system'), { kind: 'system' });
    assert.deepEqual(parseOparlPath('bodies'), { kind: 'bodies' });
    const body = bodyKeyOf('11111111-2222-3333-4444-555555555555')!;
    assert.deepEqual(parseOparlPath(bodyPath(body)), { kind: 'body', bodyKey: body });
    assert.deepEqual(parseOparlPath(bodyListPath(body, 'location')), {
      kind: 'bodyList',
      bodyKey: body,
      list: 'location',
    });
    assert.deepEqual(parseOparlPath(committeeMeetingsPath(C)), { kind: 'committeeMeetings', committeeId: C });
    assert.deepEqual(parseOparlPath(`${filePath(C, S, 'results')}/download`), {
      kind: 'fileContent',
      committeeId: C,
      path: filePath(C, S, 'results'),
      delivery: 'download',
    });
  });

  it('names a body by its tenant id in lower case, and no body for a tenant id that cannot be part of an address', () => {
    assert.equal(bodyKeyOf('AAAAAAAA-0000-0000-0000-000000000001'), 'aaaaaaaa-0000-0000-0000-000000000001');
    assert.equal(bodyKeyOf('a/b'), undefined);
    assert.equal(bodyKeyOf(''), undefined);
  });

  it('refuses every other address', () => {
    for (const path of [
      '',
      'system/1',
      'body',
      `body/x/meetings`,
      `body/x/meeting/1`,
      'organization',
      `organization/${C}/seat/x`,
      `organization/${C}/group`,
      `membership/${C}/seat-ihk`,
      `membership/${C}/seat-ihk/chair`,
      `meeting/${C}`,
      `meeting/${C}/${S}/extra`,
      `agendaitem/${C}/${S}`,
      `file/${C}/${S}/minutes`,
      `file/${C}/${S}/results/print`,
      `meeting/${C}/..`,
      `meeting/${C}/session%2D1`,
      `meeting/${C}/session.1`,
      `person/${C}/x`,
    ])
      assert.equal(parseOparlPath(path), undefined, path);
  });
});

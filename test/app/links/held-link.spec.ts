import assert from 'node:assert/strict';
import { heldLink } from '../../../src/app/links/held-link';
import { issueLink } from '../../../src/app/links/issue-link';
import { LINK_TYPE, type LinkRecipient, type LinkTarget } from '../../../src/app/links/link-document';
import { revokeLinksOf } from '../../../src/app/links/revoke-links';
import type { SessionDocument } from '../../../src/app/sessions/session-document';
import { ENGINES } from '../../support/engines';
import { COMMITTEE, PEOPLE, SESSION_1, SessionWorld } from '../sessions/session-world';
import { nearMiss } from './link-fixtures';

for (const engine of ENGINES) {
  describe(`app/links: a link a card carries back, on the ${engine.name}`, function () {
    this.timeout(60_000);
    let world: SessionWorld;
    let close: () => Promise<void>;
    let endsAt: string;
    beforeEach(async () => {
      const opened = await engine.open();
      close = opened.close;
      world = await SessionWorld.create(opened.store);
      endsAt = (await world.store.get<SessionDocument>(COMMITTEE, SESSION_1))!.endsAt;
    });
    afterEach(async () => close());

    const sabine: LinkRecipient = { kind: 'person', id: PEOPLE.sabine };
    const calendar: LinkTarget = { kind: 'calendar', sessionId: SESSION_1 };
    const issued = async () => {
      const link = await issueLink(world.deps, {
        committeeId: COMMITTEE,
        recipient: sabine,
        target: calendar,
        slot: 's',
      });
      assert.ok(link);
      return link;
    };
    const linkCount = async () => (await world.store.query(COMMITTEE, { type: LINK_TYPE })).length;

    it("shows the reader's own link again as it is, without writing anything", async () => {
      const link = await issued();
      world.clock.advance(60_000);
      const before = await linkCount();
      const again = await heldLink(world.deps, COMMITTEE, sabine, calendar, link.token, endsAt);
      assert.deepEqual(again, link);
      assert.equal(await linkCount(), before);
    });

    it("answers nothing for another person's link, another target, a made-up or revoked token, or one that would die too soon", async () => {
      const { token } = await issued();
      const thomas: LinkRecipient = { kind: 'person', id: PEOPLE.thomas };
      const cases: Array<[string, Promise<unknown>]> = [
        ['another person', heldLink(world.deps, COMMITTEE, thomas, calendar, token, endsAt)],
        [
          'another session',
          heldLink(world.deps, COMMITTEE, sabine, { kind: 'calendar', sessionId: 'session-2027-2' }, token, endsAt),
        ],
        [
          'another kind',
          heldLink(world.deps, COMMITTEE, sabine, { kind: 'minutes', sessionId: SESSION_1, version: 1 }, token),
        ],
        ['a token one character off', heldLink(world.deps, COMMITTEE, sabine, calendar, nearMiss(token), endsAt)],
        ['not a token', heldLink(world.deps, COMMITTEE, sabine, calendar, { token }, endsAt)],
        // The session moved a week later: a new link would follow it, this one would not.
        [
          'a session moved later',
          heldLink(
            world.deps,
            COMMITTEE,
            sabine,
            calendar,
            token,
            new Date(Date.parse(endsAt) + 7 * 86_400_000).toISOString(),
          ),
        ],
      ];
      for (const [what, answer] of cases) assert.equal(await answer, undefined, what);
      assert.ok(await heldLink(world.deps, COMMITTEE, sabine, calendar, token, endsAt), 'the link itself still serves');
      await revokeLinksOf(world.deps, COMMITTEE, PEOPLE.sabine);
      assert.equal(await heldLink(world.deps, COMMITTEE, sabine, calendar, token, endsAt), undefined, 'revoked');
    });
  });
}

import assert from 'node:assert/strict';
import { issueLinks } from '../../../src/app/links/issue-link';
import {
  LINK_TYPE,
  targetOf,
  type LinkDocument,
  type LinkKind,
  type LinkRecipient,
  type LinkTarget,
} from '../../../src/app/links/link-document';
import { openLink } from '../../../src/app/links/open-link';
import type { IssuedLinks, LinkRequests } from '../../../src/app/ports/message-renderer';
import type { BatchOperation } from '../../../src/app/ports/document-store';
import { ConcurrencyError, NotFoundError } from '../../../src/app/ports/store-errors';
import { sessionDocumentId } from '../../../src/app/sessions/session-document';
import { ENGINES } from '../../support/engines';
import { recordingStore } from '../../support/recording-store';
import { COMMITTEE, PEOPLE, SESSION_1, SessionWorld, type PersonKey } from '../sessions/session-world';

const KINDS: readonly LinkKind[] = ['calendar', 'minutes', 'extract', 'export', 'report', 'reportCsv'];
const SESSION_2 = sessionDocumentId(2027, 2);
/** The token at the end of a link's path. */
const tokenIn = (path: string | undefined) => /\/([A-Za-z0-9_-]{43})\.[a-z]+$/.exec(path ?? '')?.[1] ?? '';

for (const engine of ENGINES) {
  describe(`app/links/issue-link: several links at once on the ${engine.name}`, function () {
    this.timeout(60_000);
    let world: SessionWorld;
    let close: () => Promise<void>;
    beforeEach(async () => {
      const opened = await engine.open();
      close = opened.close;
      world = await SessionWorld.create(opened.store);
    });
    afterEach(async () => close());

    const to = (who: PersonKey): LinkRecipient => ({ kind: 'person', id: PEOPLE[who] });
    /** The links of a card for the person, as the turn issues them (keeping two earlier showings). */
    const issue = (who: PersonKey, requests: LinkRequests, store = world.store, origin = 'turn', keep = 2) =>
      issueLinks({ ...world.deps, store }, COMMITTEE, to(who), requests, origin, keep);
    /** What the token opens, of any kind: the target its link leads to, or undefined. */
    const opens = async (token: string, kinds = KINDS): Promise<LinkTarget | undefined> => {
      const link = await openLink(world.deps, COMMITTEE, token, kinds);
      return link && targetOf(link);
    };
    const opensAll = async (issued: IssuedLinks, names: readonly string[]) =>
      Promise.all(names.map(async (name) => (await opens(tokenIn(issued[name]))) !== undefined));
    const secretariatCard: LinkRequests = {
      pdf: { kind: 'report', year: 2027 },
      csv: { kind: 'reportCsv', year: 2027 },
      lastYear: { kind: 'report', year: 2026 },
      minutes: { kind: 'minutes', sessionId: SESSION_1, version: 1 },
      nextMinutes: { kind: 'minutes', sessionId: SESSION_2, version: 2 },
    };

    it('issues one link or five in the same three store requests, each link opening only its own target', async () => {
      const one = recordingStore(world.store);
      const single = await issue('katrin', { pdf: secretariatCard.pdf! }, one.store);
      assert.deepEqual(Object.keys(single), ['pdf']);
      const five = recordingStore(world.store);
      const issued = await issue('katrin', secretariatCard, five.store);
      // The roster entry and the sessions, the slots' previous links, the replaced and new links.
      for (const { calls } of [one, five])
        assert.deepEqual(
          calls.map((call) => call.operation),
          ['getMany', 'query', 'batch'],
        );

      assert.deepEqual(Object.keys(issued).sort(), Object.keys(secretariatCard).sort());
      const tokens = Object.values(issued).map(tokenIn);
      assert.equal(new Set(tokens).size, 5, 'a token of its own for every link');
      for (const [name, target] of Object.entries(secretariatCard)) {
        const token = tokenIn(issued[name]);
        assert.deepEqual(await opens(token), target, `${name} opens its target`);
        const otherKinds = KINDS.filter((kind) => kind !== target.kind);
        assert.equal(await opens(token, otherKinds), undefined, `${name} opens no other kind`);
      }
      const stored = JSON.stringify(await world.store.query<LinkDocument>(COMMITTEE, { type: LINK_TYPE }));
      for (const token of tokens) assert.ok(!stored.includes(token), 'no token is stored, only its hash');
    });

    it('keeps the newest previous links of each slot and replaces older ones, leaving other slots alone', async () => {
      const card: LinkRequests = { pdf: secretariatCard.pdf!, csv: secretariatCard.csv! };
      const outboxCard = await issue('katrin', card, world.store, 'outbox-1', 0);
      const showings: IssuedLinks[] = [];
      for (let shown = 0; shown < 4; shown += 1) {
        world.clock.advance(60_000);
        showings.push(await issue('katrin', card));
      }
      assert.deepEqual(
        await Promise.all(showings.map((showing) => opensAll(showing, ['pdf', 'csv']))),
        [
          [false, false],
          [true, true],
          [true, true],
          [true, true],
        ],
        'the two showings before the newest still work',
      );
      // Showing a card with only the PDF replaces PDF links alone, though the query reads the CSV slot too.
      world.clock.advance(60_000);
      const pdfOnly = await issue('katrin', { pdf: card.pdf! }, world.store, 'turn', 0);
      assert.deepEqual(await opensAll(pdfOnly, ['pdf']), [true]);
      assert.deepEqual(await Promise.all(showings.slice(1).map((showing) => opensAll(showing, ['pdf', 'csv']))), [
        [false, true],
        [false, true],
        [false, true],
      ]);
      assert.deepEqual(await opensAll(outboxCard, ['pdf', 'csv']), [true, true], 'another origin keeps its links');
    });

    it('issues nothing to whoever may not hold a link, and only what they may hold', async () => {
      const { store, calls } = recordingStore(world.store);
      assert.deepEqual(await issue('sabine', { pdf: secretariatCard.pdf!, csv: secretariatCard.csv! }, store), {});
      assert.deepEqual(
        calls.map((call) => call.operation),
        ['getMany'],
        'a member holds no report: nothing is read beyond her standing, nothing written',
      );
      const lena = await issue('lena', {
        extract: { kind: 'extract', sessionId: SESSION_1, version: 1 },
        pdf: secretariatCard.pdf!,
        missing: { kind: 'extract', sessionId: 'session-2027-9', version: 1 },
      });
      assert.deepEqual(Object.keys(lena), ['extract'], 'the working group holds the extract of a session that exists');
      const sabine = await issue('sabine', {
        calendar: { kind: 'calendar', sessionId: SESSION_1 },
        minutes: secretariatCard.minutes!,
      });
      assert.deepEqual(Object.keys(sabine), ['calendar'], 'her seat gets her the calendar, not the minutes unsent');
      world.clock.advance(Date.parse('2027-02-25T16:00:00Z') - world.clock.now().toMillis());
      assert.deepEqual(await issue('sabine', { calendar: { kind: 'calendar', sessionId: SESSION_1 } }), {});
      const links = await world.store.query<LinkDocument>(COMMITTEE, { type: LINK_TYPE });
      assert.deepEqual(links.map((link) => [link.recipientId, link.kind]).sort(), [
        [PEOPLE.lena, 'extract'],
        [PEOPLE.sabine, 'calendar'],
      ]);
    });

    it('reads the slots again when another issue replaced their links meanwhile, and leaves one working link each', async () => {
      const card: LinkRequests = { pdf: secretariatCard.pdf!, csv: secretariatCard.csv! };
      const first = await issue('katrin', card, world.store, 'outbox-1', 0);
      let raced: IssuedLinks | undefined;
      const failures: unknown[] = [];
      const { store, calls } = recordingStore(
        new Proxy(world.store, {
          get: (target, property, receiver) => {
            if (property !== 'batch') return Reflect.get(target, property, receiver) as unknown;
            return async (committeeId: string, operations: readonly BatchOperation[]) => {
              // A second sending of the same message renews the links between this one's read and write.
              raced ??= await issue('katrin', card, world.store, 'outbox-1', 0);
              return target.batch(committeeId, operations).catch((error: unknown) => {
                failures.push(error);
                throw error;
              });
            };
          },
        }),
      );
      const last = await issue('katrin', card, store, 'outbox-1', 0);
      assert.ok(raced);
      assert.equal(failures.length, 1, 'the first write lost the race');
      assert.ok(failures[0] instanceof NotFoundError || failures[0] instanceof ConcurrencyError);
      assert.deepEqual(
        calls.map((call) => call.operation),
        ['getMany', 'query', 'batch', 'query', 'batch'],
      );
      assert.deepEqual(await Promise.all([first, raced, last].map((issued) => opensAll(issued, ['pdf', 'csv']))), [
        [false, false],
        [false, false],
        [true, true],
      ]);
      assert.equal((await world.store.query<LinkDocument>(COMMITTEE, { type: LINK_TYPE })).length, 2);
    });

    it('writes more links than one batch holds in as few batches as the limit allows', async () => {
      const many: LinkRequests = Object.fromEntries(
        Array.from({ length: 60 }, (_, index) => [`report${index}`, { kind: 'report', year: 2027 } as const]),
      );
      const first = await issue('katrin', many, world.store, 'outbox-1', 0);
      const { store, calls } = recordingStore(world.store);
      const second = await issue('katrin', many, store, 'outbox-1', 0);
      // Sixty replaced and sixty new links: 120 operations, two batches of at most 100.
      assert.deepEqual(
        calls.map((call) => call.operation),
        ['getMany', 'query', 'batch', 'batch'],
      );
      const names = Object.keys(many);
      assert.ok((await opensAll(first, names)).every((works) => !works));
      assert.ok((await opensAll(second, names)).every((works) => works));
    });
  });
}

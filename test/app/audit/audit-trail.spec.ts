import assert from 'node:assert/strict';
import { auditContext } from '../../../src/app/audit/audit-context';
import { AUDIT_PAGE_SIZE, auditTrail } from '../../../src/app/audit/audit-trail';
import { auditedStore } from '../../../src/app/audit/audited-store';
import type { Document, DocumentStore } from '../../../src/app/ports/document-store';
import { ENGINES } from '../../support/engines';
import { ManualClock } from '../../support/manual-clock';
import { COMMITTEE, PEOPLE, SESSION_1, SessionWorld } from '../sessions/session-world';

/** A document of the session; its audit records carry the session's id. */
interface Note extends Document {
  readonly type: 'note';
  readonly sessionId: string;
}

for (const engine of ENGINES) {
  describe(`app/audit/audit-trail: one order for records of the same instant, on the ${engine.name}`, function () {
    this.timeout(30_000);
    let world: SessionWorld;
    let store: DocumentStore;
    let close: () => Promise<void>;
    /** The audited store's clock: it stands still, so every record below has the same `at`. */
    const clock = new ManualClock('2026-11-21T10:00:00Z');
    beforeEach(async () => {
      const opened = await engine.open();
      close = opened.close;
      store = auditedStore(opened.store, clock);
      world = await SessionWorld.create(store);
      clock.advance(60_000);
    });
    afterEach(async () => close());

    const note = (id: string): Note => ({ id, committeeId: COMMITTEE, type: 'note', sessionId: SESSION_1 });
    const asKatrin = (work: () => Promise<unknown>) =>
      auditContext.run({ actorId: PEOPLE.katrin, source: 'bot' }, work);
    const page = async (number: number) => {
      const result = await auditTrail(world.deps, await world.actor('katrin'), '2027/1', number);
      assert.ok(result.ok, JSON.stringify(result));
      return result.value.entries.map((entry) => entry.documentId);
    };

    it('lists records written in the same millisecond the later written first, on every page, every time', async () => {
      // Written one after another, in an order that is neither alphabetical nor its reverse.
      const written = Array.from({ length: 23 }, (_, index) => `note-${String((index * 7) % 23).padStart(2, '0')}`);
      await asKatrin(async () => {
        for (const id of written) await store.create(note(id));
        await store.batch(COMMITTEE, [
          { op: 'create', document: note('batch-b') },
          { op: 'create', document: note('batch-c') },
          { op: 'create', document: note('batch-a') },
        ]);
      });
      const newestFirst = ['batch-a', 'batch-c', 'batch-b', ...[...written].reverse()];
      const pageOf = (index: number) => newestFirst.slice(index * AUDIT_PAGE_SIZE, (index + 1) * AUDIT_PAGE_SIZE);
      const expected = [pageOf(0), pageOf(1), pageOf(2)];
      for (let round = 0; round < 3; round += 1) {
        assert.deepEqual(await page(1), expected[0], `page 1, round ${round}`);
        assert.deepEqual(await page(2), expected[1], `page 2, round ${round}`);
        assert.deepEqual((await page(3)).slice(0, 6), expected[2], `page 3, round ${round}`);
      }
    });
  });
}

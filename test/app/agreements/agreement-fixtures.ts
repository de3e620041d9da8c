import assert from 'node:assert/strict';
import { actionItemsOnApproval } from '../../../src/app/agreements/action-items-on-approval';
import { agreementDocumentId, type AgreementDocument } from '../../../src/app/agreements/agreement-document';
import { enqueueOperation, type DispatchDocument, type OutboxDraft } from '../../../src/app/delivery/outbox-record';
import type { CommitteeDocument } from '../../../src/app/documents';
import type { MinutesItem } from '../../../src/domain/minutes/minutes-content';
import { COMMITTEE_DOCUMENT_ID } from '../../../src/domain/ids';
import { COMMITTEE, PEOPLE, SESSION_1, type SessionWorld } from '../sessions/session-world';

/** Minutes of session 2027/1 with agreements, as approval hands them over (not the minutes use cases). */
export function minutesWith(
  agreements: ReadonlyArray<{
    id: string;
    text?: string;
    institution?: string;
    responsibleId?: string;
    dueDate: string;
  }>,
): { items: MinutesItem[] } {
  return {
    items: [
      { itemId: 'agreements', title: '', standard: 'agreements', summary: '', result: '', agreements: [] },
      {
        itemId: 'item-abbrueche',
        title: 'Ausbildungsabbrüche',
        summary: 'Diskussion',
        result: 'Zahlen werden nachgereicht',
        agreements: agreements.map((agreement) => ({
          text: `Vereinbarung ${agreement.id}`,
          institution: 'IHK zu Leipzig',
          responsibleId: PEOPLE.yusuf,
          ...agreement,
        })),
      },
    ],
  };
}

/**
 * Approves minutes the way the minutes' approval does for the agreements: the action items and
 * their messages in one batch. Returns the drafts it sent.
 */
export async function approveAgreements(
  world: SessionWorld,
  minutes: { items: MinutesItem[] },
  sessionId = SESSION_1,
  by = PEOPLE.katrin,
): Promise<readonly OutboxDraft[]> {
  const session = await world.session(sessionId);
  const nowIso = world.clock.now().toUTC().toISO()!;
  const { operations, drafts } = await actionItemsOnApproval(
    world.deps,
    { committeeId: COMMITTEE },
    session,
    minutes,
    by,
    nowIso,
  );
  await world.store.batch(COMMITTEE, [
    ...operations,
    enqueueOperation(COMMITTEE, `minutes-approved:${sessionId}`, drafts, nowIso, {
      kind: 'minutesApproval',
      audience: 'recipients',
    }),
  ]);
  return drafts;
}

export async function committeeOf(world: SessionWorld): Promise<CommitteeDocument> {
  const committee = await world.store.get<CommitteeDocument>(COMMITTEE, COMMITTEE_DOCUMENT_ID);
  assert.ok(committee);
  return committee;
}

export async function agreement(
  world: SessionWorld,
  draftId: string,
  sessionId = SESSION_1,
): Promise<AgreementDocument & { _etag: string }> {
  const item = await world.store.get<AgreementDocument>(COMMITTEE, agreementDocumentId(sessionId, draftId));
  assert.ok(item, `no agreement ${draftId}`);
  return item;
}

/** The drafts of every dispatch whose id starts with the prefix. */
export async function draftsOf(world: SessionWorld, prefix: string): Promise<OutboxDraft[]> {
  return (await world.store.query<DispatchDocument>(COMMITTEE, { type: 'dispatch' }))
    .filter((dispatch) => dispatch.dispatchId.startsWith(prefix))
    .flatMap((dispatch) => dispatch.drafts);
}

/** Who a draft goes to: the person's key in the world. */
export function recipientOf(draft: OutboxDraft): string {
  const id = draft.recipient.kind === 'person' ? draft.recipient.aadObjectId : '?';
  return (Object.keys(PEOPLE) as Array<keyof typeof PEOPLE>).find((key) => PEOPLE[key] === id) ?? id;
}

/** Moves the world's clock to an instant. */
export function at(world: SessionWorld, iso: string): void {
  world.clock.advance(Date.parse(iso) - world.clock.now().toMillis());
}

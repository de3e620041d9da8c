import type { AppDependencies } from '../../../src/app/dependencies';
import { enqueueOperation, type DispatchAbout, type OutboxDraft } from '../../../src/app/delivery/outbox-record';
import { OutboxSender, type SenderOptions } from '../../../src/app/delivery/outbox-sender';
import type { DocumentStore } from '../../../src/app/ports/document-store';
import { silentLogger, type Logger } from '../../../src/app/ports/logger';
import type { Messenger } from '../../../src/app/ports/messenger';
import { rememberConversation } from '../../../src/app/remember-conversation';
import { noticeMessage, createMessageRenderer } from '../../../src/cards/outgoing-messages';
import { SendRateLimiter } from '../../../src/domain/delivery/send-rate-limiter';
import { committeeIdForHome } from '../../../src/app/committees/committee-id';
import { KOG_TEAM } from '../sessions/session-fixtures';
import type { ManualClock } from '../../support/manual-clock';

export const TENANT = '11111111-2222-3333-4444-555555555555';
/** A committee homed in the KOG's team; its people's conversations are in the tenant's directory. */
export const COMMITTEE = committeeIdForHome(TENANT, KOG_TEAM);

/** The object id of the n-th test person. */
export function personId(index: number): string {
  return `aaaaaaaa-0000-0000-0000-${String(index).padStart(12, '0')}`;
}

/** Stores 1:1 conversations for people 0..count-1, as if each had written to the bot. */
export async function knownPeople(
  deps: AppDependencies,
  count: number,
  serviceUrl = 'https://smba.example/',
  locale = 'de-DE',
): Promise<void> {
  for (let index = 0; index < count; index += 1) {
    await rememberConversation(deps, {
      address: {
        serviceUrl,
        channelId: 'msteams',
        conversationId: `a:person-${index}`,
        conversationType: 'personal',
        tenantId: TENANT,
        botId: '28:bot',
        userId: `29:person-${index}`,
        userAadObjectId: personId(index),
      },
      locale,
    });
  }
}

/** A notice to each of the first `count` people, as one dispatch. */
export function noticeDrafts(dispatchId: string, count: number): OutboxDraft[] {
  return Array.from({ length: count }, (_, index) => ({
    key: `${dispatchId}:${personId(index)}`,
    recipient: { kind: 'person' as const, aadObjectId: personId(index) },
    recipientLabel: `Person ${index}`,
    message: noticeMessage({ tone: 'default', title: 'welcome.title', text: 'welcome.text' }),
  }));
}

/** What the test dispatches are: a message to the members about session 2027/1. */
export const ABOUT: DispatchAbout = { kind: 'invitation', audience: 'members', sessionNumber: '2027/1' };

export async function enqueue(
  store: DocumentStore,
  dispatchId: string,
  drafts: readonly OutboxDraft[],
  nowIso: string,
  about: DispatchAbout = ABOUT,
): Promise<void> {
  await store.batch(COMMITTEE, [enqueueOperation(COMMITTEE, dispatchId, drafts, nowIso, about)]);
}

/**
 * A sender on the manual clock and the fake messenger, with jitter pinned. It sends one message at
 * a time: with a manual clock, a concurrent send could be stamped after another's wait moved the
 * clock on, which real time does not do at that scale.
 */
export function senderFor(
  deps: AppDependencies,
  clock: ManualClock,
  messenger: Messenger,
  instanceId = 'instance-a',
  options: SenderOptions = {},
  logger: Logger = silentLogger,
): OutboxSender {
  return new OutboxSender(
    {
      ...deps,
      clock,
      messenger,
      renderer: createMessageRenderer('de'),
      limiter: new SendRateLimiter(),
      logger,
      wait: clock.wait,
      random: () => 0.5,
      instanceId,
    },
    { maxInFlight: 1, ...options },
  );
}

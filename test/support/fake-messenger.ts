import type { ConversationAddress } from '../../src/app/documents';
import type {
  DeliveryAttempt,
  Messenger,
  OutgoingMessage,
  PersonalConversationTarget,
} from '../../src/app/ports/messenger';
import type { Clock } from '../../src/domain/clock';

/** A hand-written stand-in for our Messenger port: records sends, answers as scripted. */
export class FakeMessenger implements Messenger {
  readonly sends: Array<{ conversationId: string; message: OutgoingMessage; at: number }> = [];
  readonly opened: PersonalConversationTarget[] = [];
  /** Scripted answers per conversation, consumed in order; afterwards every send succeeds. */
  readonly script = new Map<string, Array<Extract<DeliveryAttempt, { ok: false }>>>();
  private nextId = 1;

  constructor(private readonly clock: Clock) {}

  async send(address: ConversationAddress, message: OutgoingMessage): Promise<DeliveryAttempt> {
    this.sends.push({ conversationId: address.conversationId, message, at: this.clock.now().toMillis() });
    const scripted = this.script.get(address.conversationId)?.shift();
    return scripted ?? { ok: true, activityId: `activity-${this.nextId++}` };
  }

  async openPersonalConversation(target: PersonalConversationTarget) {
    this.opened.push(target);
    return {
      ok: true as const,
      address: {
        serviceUrl: target.serviceUrl,
        channelId: 'msteams',
        conversationId: `a:opened-${target.userId}`,
        conversationType: 'personal' as const,
        tenantId: target.tenantId,
        botId: target.botId,
        userId: target.userId,
        userAadObjectId: target.userAadObjectId,
      },
    };
  }

  sendsTo(conversationId: string): number {
    return this.sends.filter((send) => send.conversationId === conversationId).length;
  }
}

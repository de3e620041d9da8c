import type { ConversationAddress } from '../../src/app/documents';
import type {
  DeliveryAttempt,
  MemberListAddress,
  Messenger,
  OutgoingMessage,
  PersonalConversationTarget,
} from '../../src/app/ports/messenger';
import type { Clock } from '../../src/domain/clock';

type Failure = Extract<DeliveryAttempt, { ok: false }>;

/** A hand-written stand-in for our Messenger port: records sends, answers as scripted. */
export class FakeMessenger implements Messenger {
  readonly sends: Array<{ conversationId: string; message: OutgoingMessage; at: number }> = [];
  readonly opened: PersonalConversationTarget[] = [];
  /** Every member list read, by the team's or chat's conversation id. */
  readonly lookUps: string[] = [];
  /** Scripted answers per conversation, consumed in order; afterwards every send succeeds. */
  readonly script = new Map<string, Failure[]>();
  /** Scripted answers to opening a 1:1 chat, per Teams user id; afterwards opening succeeds. */
  readonly openScript = new Map<string, Failure[]>();
  /** Scripted answers to reading a member list, per team or chat; afterwards the roster answers. */
  readonly lookUpScript = new Map<string, Failure[]>();
  /** The member lists of teams and group chats: conversation id → Entra object id → Teams user id. */
  readonly rosters = new Map<string, Map<string, string>>();
  private nextId = 1;

  constructor(private readonly clock: Clock) {}

  async send(address: ConversationAddress, message: OutgoingMessage): Promise<DeliveryAttempt> {
    this.sends.push({ conversationId: address.conversationId, message, at: this.clock.now().toMillis() });
    const scripted = this.script.get(address.conversationId)?.shift();
    return scripted ?? { ok: true, activityId: `activity-${this.nextId++}` };
  }

  async openPersonalConversation(target: PersonalConversationTarget) {
    this.opened.push(target);
    const scripted = this.openScript.get(target.userId)?.shift();
    if (scripted) return scripted;
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

  async listMembers(where: MemberListAddress) {
    this.lookUps.push(where.conversationId);
    const scripted = this.lookUpScript.get(where.conversationId)?.shift();
    if (scripted) return scripted;
    const roster = this.rosters.get(where.conversationId) ?? new Map<string, string>();
    return {
      ok: true as const,
      members: [...roster].map(([aadObjectId, userId]) => ({ userId, aadObjectId })),
    };
  }

  /** Puts a person into a team's or chat's member list, as Teams would list them. */
  addMember(conversationId: string, aadObjectId: string, userId: string): void {
    const roster = this.rosters.get(conversationId) ?? new Map<string, string>();
    roster.set(aadObjectId, userId);
    this.rosters.set(conversationId, roster);
  }

  sendsTo(conversationId: string): number {
    return this.sends.filter((send) => send.conversationId === conversationId).length;
  }
}

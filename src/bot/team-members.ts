import { TeamsInfo, type ChannelAccount, type TeamsChannelAccount, type TurnContext } from 'botbuilder';
import type { MemberSource, TeamMember } from '../app/roster/import-members';

/** Teams' largest page of members; fewer requests keep the bot within its member-list rate. */
const PAGE_SIZE = 500;
/** A connector that keeps answering with a continuation token must not keep the bot reading. */
const MAX_PAGES = 100;

/** Whether the activity comes from a team's channel or a group chat: conversations with a member list worth importing. */
export function isTeamOrGroupChat(context: TurnContext): boolean {
  const type = context.activity.conversation?.conversationType;
  return type === 'channel' || type === 'groupChat';
}

/** Where the member list is read, as a person's contact needs it later; undefined without a tenant. */
export function memberSourceOf(context: TurnContext): MemberSource | undefined {
  const { activity } = context;
  const tenantId =
    activity.conversation?.tenantId ?? (activity.channelData as { tenant?: { id?: string } } | undefined)?.tenant?.id;
  if (!tenantId || !activity.serviceUrl || !activity.recipient?.id) return undefined;
  return { tenantId, serviceUrl: activity.serviceUrl, botId: activity.recipient.id };
}

/**
 * Every member of the conversation, page by page: in a channel the team's members (TeamsInfo
 * reads the team from the activity), in a group chat the chat's.
 */
export async function readConversationMembers(context: TurnContext): Promise<TeamMember[]> {
  const members: TeamMember[] = [];
  let continuationToken: string | undefined;
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const result = await TeamsInfo.getPagedMembers(context, PAGE_SIZE, continuationToken);
    for (const member of result.members ?? [])
      members.push({
        userId: member.id,
        aadObjectId: member.aadObjectId,
        displayName: member.name,
        ...emailOf(member),
      });
    continuationToken = result.continuationToken || undefined;
    if (!continuationToken) break;
  }
  return members;
}

/**
 * The members an activity announces as added, with their names: the activity itself carries
 * only their ids, so each is looked up. Should a look-up fail, the activity's ids still let the
 * person be imported, and a later import fills in the name.
 */
export async function readJoinedMembers(
  context: TurnContext,
  joined: readonly ChannelAccount[],
): Promise<TeamMember[]> {
  return Promise.all(
    joined.map(async (account) => {
      try {
        const member = await TeamsInfo.getMember(context, account.id);
        return {
          userId: member.id,
          aadObjectId: member.aadObjectId ?? account.aadObjectId,
          displayName: member.name ?? account.name,
          ...emailOf(member),
        };
      } catch {
        return { userId: account.id, aadObjectId: account.aadObjectId, displayName: account.name };
      }
    }),
  );
}

/**
 * The member's work address as Teams lists it: the e-mail address, else the user principal name
 * (in most tenants the same address). The import checks it before storing it.
 */
function emailOf(member: TeamsChannelAccount): { readonly email?: string } {
  const email = member.email || member.userPrincipalName;
  return email ? { email } : {};
}

/** The members an activity announces as removed. */
export function leavers(accounts: readonly ChannelAccount[]): TeamMember[] {
  return accounts.map((account) => ({ userId: account.id, aadObjectId: account.aadObjectId }));
}

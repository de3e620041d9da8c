import type { Application, TurnState } from '@microsoft/teams-ai';
import { ActivityTypes, TeamsInfo, type TurnContext } from 'botbuilder';
import { auditContext } from '../app/audit/audit-context';
import { homeCommitteeOf } from '../app/committees/identify-committee';
import type { AppDependencies } from '../app/dependencies';
import type { Logger } from '../app/ports/logger';
import { rememberConversation } from '../app/remember-conversation';
import { importMembers, markMembersLeft, type TeamMember } from '../app/roster/import-members';
import { channelSighting, turnConversationOf } from './conversation-address';
import { notice } from './notices';
import { isTeamOrGroupChat, leavers, memberSourceOf, readConversationMembers, readJoinedMembers } from './team-members';
import type { TurnPipeline } from './turn-pipeline';

export interface InstallationEventOptions {
  readonly deps: AppDependencies;
  readonly logger: Logger;
}

/**
 * What Teams reports about the bot's place rather than what a person asks: the bot installed in
 * a personal chat, a group chat or a team (welcome, the team's channels), and members joining or
 * leaving a team or group chat. Membership counts only in a committee's home, and only for that
 * committee: installed in its home, the bot imports the members; joining it adds a person, leaving
 * it deactivates them there. In any other team or chat nobody's roster changes. Everything here
 * is best effort: a failure is logged and the next event, or the roster card's import button,
 * tries again.
 */
export function registerInstallationEvents(
  app: Application<TurnState>,
  pipeline: Pick<TurnPipeline, 'languageOf' | 'sightingOf' | 'sendCard'>,
  { deps, logger }: InstallationEventOptions,
): void {
  app.conversationUpdate('membersAdded', async (context) => {
    const added = context.activity.membersAdded ?? [];
    const botWasAdded = added.some((member) => member.id === context.activity.recipient.id);
    if (!botWasAdded) {
      await importMembersBestEffort(context, () => readJoinedMembers(context, added));
      return;
    }
    await rememberTeamChannels(context);
    await importMembersBestEffort(context, () => readConversationMembers(context));
    if (
      context.activity.conversation.conversationType === 'personal' ||
      !context.activity.conversation.conversationType
    ) {
      // The chat's language from here on (see turnLanguage), and in the other one how to switch.
      const i18n = await pipeline.languageOf(context);
      await pipeline.sendCard(
        context,
        notice(i18n, 'default', 'welcome.title', 'welcome.text', undefined, [i18n.t('welcome.language')]),
      );
    }
  });

  app.conversationUpdate('membersRemoved', async (context) => {
    const removed = context.activity.membersRemoved ?? [];
    // When the bot itself is removed, the people stay as they are: they did not leave.
    if (removed.some((member) => member.id === context.activity.recipient.id) || !isTeamOrGroupChat(context)) return;
    const source = memberSourceOf(context);
    const conversation = turnConversationOf(context);
    if (!source || !conversation) return;
    try {
      const committeeId = await homeCommitteeOf(deps, source.tenantId, conversation);
      if (!committeeId) return;
      await auditContext.run(membershipActor(context), () => markMembersLeft(deps, committeeId, leavers(removed)));
    } catch (error) {
      logger.warn({ err: error, activityId: context.activity.id }, 'could not mark members as left');
    }
  });

  app.activity(ActivityTypes.InstallationUpdate, async (context) => {
    await rememberTeamChannels(context);
    if (context.activity.action === 'add')
      await importMembersBestEffort(context, () => readConversationMembers(context));
  });

  /**
   * When installed in a team, every channel is a candidate for the working group's conversation,
   * not only the one the installation was announced in. Listing channels is best effort: the
   * installation itself is already remembered.
   */
  async function rememberTeamChannels(context: TurnContext): Promise<void> {
    const team = await pipeline.sightingOf(context);
    if (!team || team.address.conversationType !== 'channel' || !team.teamId) return;
    try {
      const channels = await TeamsInfo.getTeamChannels(context, team.teamId);
      for (const channel of channels) {
        if (channel.id) await rememberConversation(deps, channelSighting(team, channel.id, channel.name));
      }
    } catch (error) {
      logger.warn({ err: error, teamId: team.teamId }, 'could not list team channels');
    }
  }

  /**
   * Imports the members of a committee's home into that committee: on installation all of them,
   * later each who joins. A team or chat that is no committee's home imports nowhere and nobody's
   * list is read. Best effort like the channel list: the next installation event or the roster
   * card's import button tries again.
   */
  async function importMembersBestEffort(
    context: TurnContext,
    read: () => Promise<readonly TeamMember[]>,
  ): Promise<void> {
    const source = memberSourceOf(context);
    const conversation = turnConversationOf(context);
    if (!source || !conversation || !isTeamOrGroupChat(context)) return;
    try {
      const committeeId = await homeCommitteeOf(deps, source.tenantId, conversation);
      if (!committeeId) return;
      await auditContext.run(membershipActor(context), () => importMembers(deps, committeeId, source, read));
    } catch (error) {
      logger.warn({ err: error, activityId: context.activity.id }, 'could not import members');
    }
  }
}

/**
 * Who changed the membership, for the audit trail: Teams reports joins and leaves, naming the
 * person who added or removed members when it knows them.
 */
function membershipActor(context: TurnContext): { readonly actorId: string; readonly source: 'teams' } {
  return { actorId: context.activity.from?.aadObjectId ?? 'teams', source: 'teams' };
}

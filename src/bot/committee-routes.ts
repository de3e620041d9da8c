import { sameName } from '../app/committees/identify-committee';
import { belongs, myCommittees } from '../app/committees/my-committees';
import { chooseCurrentCommittee } from '../app/committees/person-committees';
import { cardBanner } from '../cards/card-button';
import type { AdaptiveCardJson } from '../cards/card-template';
import { renderCommitteesCard } from '../cards/committees-card';
import { escapeMarkdown } from '../cards/escape-markdown';
import { COMMANDS, type CommandId } from '../domain/permissions';
import { notice } from './notices';
import type { Route, RouteTurn, VerbTurn } from './route-turn';

/**
 * `gremium`: the person's committees with their role in each and the current one marked; with a
 * short name after the word (`gremium KOG`), the switch to that committee at once.
 */
async function list(turn: RouteTurn): Promise<AdaptiveCardJson> {
  const { deps, actor, i18n } = turn;
  const mine = await myCommittees(deps, actor.identity);
  const named = (turn.argument ?? '').trim();
  if (named) {
    const matching = mine.choices.filter((choice) => sameName(choice.shortName, named));
    if (matching.length !== 1)
      return renderCommitteesCard(
        {
          choices: mine.choices,
          banner: cardBanner(
            'attention',
            i18n.t('committees.unknownTitle', { name: escapeMarkdown(named) }),
            i18n.t('committees.unknown'),
          ),
        },
        i18n,
      );
    const chosen = matching[0]!;
    await chooseCurrentCommittee(deps, chosen.committeeId, actor.identity.aadObjectId);
    return renderCommitteesCard(
      {
        choices: mine.choices.map((choice) => ({ ...choice, current: choice.committeeId === chosen.committeeId })),
        banner: switchedBanner(turn, chosen.shortName),
      },
      i18n,
    );
  }
  return renderCommitteesCard({ choices: mine.choices }, i18n);
}

/**
 * A click on one of the person's committees: it becomes the one their personal chat works with,
 * checked against its own roster (the turn's actor is resolved in the committee the card names).
 * A command that waited for the choice is answered right away in that committee.
 */
function choose(commandRoute: (command: CommandId) => Route): Route<VerbTurnPayload> {
  return async (turn) => {
    const { deps, actor, i18n, payload } = turn;
    if (!belongs(actor)) return notice(i18n, 'attention', 'committees.notMemberTitle', 'committees.notMember');
    await chooseCurrentCommittee(deps, actor.committeeId, actor.identity.aadObjectId);
    const command = waitingCommand(payload.command);
    if (command) {
      const argument = typeof payload.argument === 'string' ? payload.argument : '';
      return commandRoute(command)({ ...turn, argument, payload: {} });
    }
    const mine = await myCommittees(deps, actor.identity);
    return renderCommitteesCard(
      { choices: mine.choices, banner: switchedBanner(turn, actor.committee?.shortName ?? '') },
      i18n,
    );
  };
}

type VerbTurnPayload = VerbTurn<'committee.choose'>['payload'];

/** The command a choice card carries, if it is one that acts on a committee (never the list itself). */
function waitingCommand(value: unknown): CommandId | undefined {
  return typeof value === 'string' && value !== 'committees' && (COMMANDS as readonly string[]).includes(value)
    ? (value as CommandId)
    : undefined;
}

function switchedBanner(turn: RouteTurn<unknown>, shortName: string) {
  return cardBanner(
    'good',
    turn.i18n.t('committees.switchedTitle', { name: escapeMarkdown(shortName) }),
    turn.i18n.t('committees.switched'),
  );
}

/** The person's committees and the choice of the one their personal chat works with. */
export const committeeRoutes = { list, choose };

import type { Stored } from '../app/ports/document-store';
import { endWorkingGroup } from '../app/working-groups/end-working-group';
import type { WorkingGroupAccessRefusal } from '../app/working-groups/find-working-group';
import { listWorkingGroups, type WorkingGroupsView } from '../app/working-groups/list-working-groups';
import { openWorkingGroupForm } from '../app/working-groups/open-working-group-form';
import { saveWorkingGroup, type SaveWorkingGroupOutcome } from '../app/working-groups/save-working-group';
import type { WorkingGroupDocument } from '../app/working-groups/working-group-document';
import type { CardBanner } from '../cards/card-button';
import type { AdaptiveCardJson } from '../cards/card-template';
import { escapeMarkdown } from '../cards/escape-markdown';
import { renderWorkingGroupFormCard, submittedReportSession } from '../cards/working-group-form-card';
import { renderWorkingGroupsCard, type WorkingGroupsCardOptions } from '../cards/working-groups-card';
import type { Translator } from '../i18n/translator';
import { notice } from './notices';
import type { RouteTurn, VerbTurn } from './route-turn';

type Refusal = WorkingGroupAccessRefusal | { readonly kind: 'unknownGroup' | 'badForm' };

/** The list, with options that may depend on what it shows. */
async function listCard(
  turn: RouteTurn<unknown>,
  options: (view: WorkingGroupsView) => WorkingGroupsCardOptions,
): Promise<AdaptiveCardJson> {
  const view = await listWorkingGroups(turn.deps, turn.actor);
  if (!view.ok) return refused(turn.i18n, view.error);
  return renderWorkingGroupsCard(view.value, turn.i18n, options(view.value));
}

function outdated(i18n: Translator): CardBanner {
  return { style: 'warning', title: i18n.t('notices.outdatedTitle'), text: i18n.t('workingGroups.outdated') };
}

/** `arbeitsgruppen`, and the cards' "back", "keep it" and page buttons. */
async function list(turn: VerbTurn<'workingGroups.open'>): Promise<AdaptiveCardJson> {
  return listCard(turn, () => ({ page: turn.payload.page }));
}

/** The form for a new group (no `groupId`) or for the chosen one. */
async function form(turn: VerbTurn<'workingGroup.form'>): Promise<AdaptiveCardJson> {
  const { i18n } = turn;
  const opened = await openWorkingGroupForm(turn.deps, turn.actor, turn.payload.groupId);
  if (opened.ok) return renderWorkingGroupFormCard(opened.value, i18n);
  return opened.error.kind === 'ended' ? endedNotice(i18n, opened.error.group) : refused(i18n, opened.error);
}

async function save(turn: VerbTurn<'workingGroup.save'>): Promise<AdaptiveCardJson> {
  const { i18n, payload } = turn;
  const input = {
    name: payload.name,
    mandate: payload.mandate,
    members: payload.members,
    startsOn: payload.startsOn,
    plannedEndOn: payload.plannedEndOn,
    reportSessionId: submittedReportSession(payload.reportSessionId),
  };
  const result = await saveWorkingGroup(turn.deps, turn.actor, {
    formId: payload.formId,
    groupId: payload.groupId,
    revision: payload.revision,
    input,
  });
  if (result.ok) {
    const { group, outcome } = result.value;
    return listCard(turn, (view) => ({ banner: savedBanner(group, outcome, view, i18n) }));
  }
  const refusal = result.error;
  switch (refusal.kind) {
    case 'invalid':
      return renderWorkingGroupFormCard(refusal.form, i18n, { input, problems: refusal.problems });
    case 'outdated':
      return listCard(turn, () => ({ banner: outdated(i18n) }));
    case 'ended':
      return endedNotice(i18n, refusal.group);
    default:
      return refused(i18n, refusal);
  }
}

/** Ending asks once: the first click shows the confirmation in place. */
async function end(turn: VerbTurn<'workingGroup.end'>): Promise<AdaptiveCardJson> {
  const { deps, actor, i18n } = turn;
  const { groupId, page } = turn.payload;
  if (turn.payload.confirmed !== true) {
    const view = await listWorkingGroups(deps, actor);
    if (!view.ok) return refused(i18n, view.error);
    const group = view.value.groups.find((candidate) => candidate.id === groupId);
    if (!group) return refused(i18n, { kind: 'unknownGroup' });
    if (group.state === 'ended')
      return renderWorkingGroupsCard(view.value, i18n, {
        page,
        banner: {
          style: 'accent',
          title: i18n.t('workingGroups.alreadyEnded', { name: escapeMarkdown(group.name) }),
          text: '',
        },
      });
    const banner: CardBanner = {
      style: 'warning',
      title: i18n.t('workingGroups.confirmEndTitle', { name: escapeMarkdown(group.name) }),
      text: i18n.t('workingGroups.confirmEndText'),
    };
    return renderWorkingGroupsCard(view.value, i18n, { banner, confirmEnd: group.id });
  }
  const result = await endWorkingGroup(deps, actor, groupId, turn.payload.revision);
  if (result.ok) {
    const { group, outcome } = result.value;
    const name = escapeMarkdown(group.name);
    const banner: CardBanner =
      outcome === 'ended'
        ? { style: 'good', title: i18n.t('workingGroups.ended', { name }), text: i18n.t('workingGroups.endedText') }
        : { style: 'accent', title: i18n.t('workingGroups.alreadyEnded', { name }), text: '' };
    return listCard(turn, () => ({ page, banner }));
  }
  if (result.error.kind === 'outdated') return listCard(turn, () => ({ page, banner: outdated(i18n) }));
  return refused(i18n, result.error);
}

/**
 * The Teams side of the temporary working groups: the `arbeitsgruppen` command and the clicks on
 * its cards, mapped to use cases, and their results (or refusals) to cards. Nothing here decides
 * what is allowed; the acting person comes from the activity, never from the card.
 */
export const workingGroupRoutes = { list, form, save, end };

function savedBanner(
  group: WorkingGroupDocument,
  outcome: SaveWorkingGroupOutcome,
  view: WorkingGroupsView,
  i18n: Translator,
): CardBanner {
  const name = escapeMarkdown(group.name);
  if (outcome === 'alreadySaved')
    return {
      style: 'accent',
      title: i18n.t('workingGroups.alreadySaved', { name }),
      text: i18n.t('workingGroups.alreadySavedText'),
    };
  const session = group.reportSessionId ? view.sessions.get(group.reportSessionId) : undefined;
  return {
    style: 'good',
    title: i18n.t(outcome === 'created' ? 'workingGroups.created' : 'workingGroups.saved', { name }),
    text: session ? i18n.t('workingGroups.reportText', { number: session.number }) : '',
  };
}

function refused(i18n: Translator, refusal: Refusal): AdaptiveCardJson {
  return notice(i18n, 'attention', 'workingGroups.errors.title', `workingGroups.errors.${refusal.kind}`);
}

function endedNotice(i18n: Translator, group: Stored<WorkingGroupDocument>): AdaptiveCardJson {
  return notice(i18n, 'attention', 'workingGroups.errors.title', 'workingGroups.errors.ended', {
    name: escapeMarkdown(group.name),
  });
}

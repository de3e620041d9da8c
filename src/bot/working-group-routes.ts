import type { AppDependencies } from '../app/dependencies';
import type { Actor } from '../app/identify-actor';
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
import { cardField } from './card-data';

type Refusal = WorkingGroupAccessRefusal | { readonly kind: 'unknownGroup' | 'badForm' };

/**
 * The Teams side of the temporary working groups: the `arbeitsgruppen` command and the clicks on
 * its cards, mapped to use cases, and their results (or refusals) to cards. Nothing here decides
 * what is allowed; the acting person comes from the activity, never from the card.
 */
export function workingGroupCards(deps: AppDependencies) {
  /** The list, with options that may depend on what it shows. */
  const listCard = async (
    actor: Actor,
    i18n: Translator,
    options: (view: WorkingGroupsView) => WorkingGroupsCardOptions,
  ): Promise<AdaptiveCardJson> => {
    const view = await listWorkingGroups(deps, actor);
    if (!view.ok) return refused(i18n, view.error);
    return renderWorkingGroupsCard(view.value, i18n, options(view.value));
  };

  const outdated = (i18n: Translator): CardBanner => ({
    style: 'warning',
    title: i18n.t('notices.outdatedTitle'),
    text: i18n.t('workingGroups.outdated'),
  });

  return {
    /** `arbeitsgruppen`, and the cards' "back", "keep it" and page buttons. */
    async list(actor: Actor, i18n: Translator, data: unknown): Promise<AdaptiveCardJson> {
      return listCard(actor, i18n, () => ({ page: cardField(data, 'page') }));
    },

    /** The form for a new group (no `groupId`) or for the chosen one. */
    async form(actor: Actor, i18n: Translator, data: unknown): Promise<AdaptiveCardJson> {
      const form = await openWorkingGroupForm(deps, actor, cardField(data, 'groupId'));
      if (form.ok) return renderWorkingGroupFormCard(form.value, i18n);
      return form.error.kind === 'ended' ? endedNotice(i18n, form.error.group) : refused(i18n, form.error);
    },

    async save(actor: Actor, i18n: Translator, data: unknown): Promise<AdaptiveCardJson> {
      const input = {
        name: cardField(data, 'name'),
        mandate: cardField(data, 'mandate'),
        members: cardField(data, 'members'),
        startsOn: cardField(data, 'startsOn'),
        plannedEndOn: cardField(data, 'plannedEndOn'),
        reportSessionId: submittedReportSession(cardField(data, 'reportSessionId')),
      };
      const result = await saveWorkingGroup(deps, actor, {
        formId: cardField(data, 'formId'),
        groupId: cardField(data, 'groupId'),
        revision: cardField(data, 'revision'),
        input,
      });
      if (result.ok) {
        const { group, outcome } = result.value;
        return listCard(actor, i18n, (view) => ({ banner: savedBanner(group, outcome, view, i18n) }));
      }
      const refusal = result.error;
      switch (refusal.kind) {
        case 'invalid':
          return renderWorkingGroupFormCard(refusal.form, i18n, { input, problems: refusal.problems });
        case 'outdated':
          return listCard(actor, i18n, () => ({ banner: outdated(i18n) }));
        case 'ended':
          return endedNotice(i18n, refusal.group);
        default:
          return refused(i18n, refusal);
      }
    },

    /** Ending asks once: the first click shows the confirmation in place. */
    async end(actor: Actor, i18n: Translator, data: unknown): Promise<AdaptiveCardJson> {
      const groupId = cardField(data, 'groupId');
      const page = cardField(data, 'page');
      if (cardField(data, 'confirmed') !== true) {
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
      const result = await endWorkingGroup(deps, actor, groupId, cardField(data, 'revision'));
      if (result.ok) {
        const { group, outcome } = result.value;
        const name = escapeMarkdown(group.name);
        const banner: CardBanner =
          outcome === 'ended'
            ? { style: 'good', title: i18n.t('workingGroups.ended', { name }), text: i18n.t('workingGroups.endedText') }
            : { style: 'accent', title: i18n.t('workingGroups.alreadyEnded', { name }), text: '' };
        return listCard(actor, i18n, () => ({ page, banner }));
      }
      if (result.error.kind === 'outdated') return listCard(actor, i18n, () => ({ page, banner: outdated(i18n) }));
      return refused(i18n, result.error);
    },
  };
}

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

import type { AppDependencies } from '../app/dependencies';
import type { Actor } from '../app/identify-actor';
import { approveMinutes } from '../app/minutes/approve-minutes';
import { circulateMinutes } from '../app/minutes/circulate-minutes';
import { minutesItemForm, saveMinutesItem } from '../app/minutes/edit-minutes';
import { reviewLinks, type MinutesReviewMessage } from '../app/minutes/minutes-messages';
import {
  loadMinutes,
  minutesCardLinks,
  minutesView,
  MINUTES_STATES,
  type MinutesView,
} from '../app/minutes/open-minutes';
import { respondToMinutes } from '../app/minutes/respond-to-minutes';
import { chosenSessionForCommand, sessionForCommand, type SessionAccess } from '../app/sessions/find-session';
import type { CommandId } from '../domain/permissions';
import type { Result } from '../domain/result';
import { cardBanner, cardButton, type CardBanner } from '../cards/card-button';
import type { AdaptiveCardJson } from '../cards/card-template';
import { renderConfirmCard } from '../cards/confirm-card';
import { renderMinutesCard } from '../cards/minutes-card';
import { renderMinutesItemCard } from '../cards/minutes-item-card';
import { renderMinutesReviewCard, responseProblemsBanner } from '../cards/minutes-review-card';
import { stateLabel } from '../cards/session-label';
import { VERBS } from '../cards/verbs';
import { deadlineDay } from '../cards/deadline-day';
import type { Translator } from '../i18n/translator';
import { notCurrentNotice, notice } from './notices';
import { accessRefusal } from './session-access-refusal';
import { cardField, cardFields } from './card-data';
import { turnLinks } from './turn-links';

/** What the minutes handlers need beyond the use cases' dependencies. */
export interface MinutesCardContext {
  readonly deps: AppDependencies;
  /** The bot's public origin, for the PDF links; none in tests that do not need them. */
  readonly publicBaseUrl?: string;
}

/**
 * The Teams side of the minutes: the secretariat's commands and card actions (open, edit an
 * item, circulate, approve) and the attendees' answers, mapped to use cases; every refusal a
 * localised card.
 */
export function minutesCards({ deps, publicBaseUrl }: MinutesCardContext) {
  const nowIso = (): string => deps.clock.now().toUTC().toISO()!;

  async function sessionFor(
    actor: Actor,
    command: CommandId,
    argumentOrData: unknown,
  ): Promise<Result<SessionAccess, Parameters<typeof accessRefusal>[1]>> {
    return typeof argumentOrData === 'string'
      ? chosenSessionForCommand(deps.store, actor, command, argumentOrData, MINUTES_STATES, nowIso())
      : sessionForCommand(deps.store, actor, command, cardField(argumentOrData, 'sessionId'));
  }

  /** The session's minutes card, or why the session has none (not held yet, cancelled). */
  async function withMinutes(
    actor: Actor,
    i18n: Translator,
    command: CommandId,
    argumentOrData: unknown,
    then: (access: SessionAccess) => Promise<AdaptiveCardJson>,
  ): Promise<AdaptiveCardJson> {
    const access = await sessionFor(actor, command, argumentOrData);
    if (!access.ok)
      return access.error.kind === 'noneSuitable'
        ? notice(i18n, 'attention', 'minutesErrors.title', 'minutesErrors.noneHeld')
        : accessRefusal(i18n, access.error);
    const { session } = access.value;
    if (!MINUTES_STATES.includes(session.state))
      return notice(i18n, 'attention', 'minutesErrors.title', 'minutesErrors.notHeld', {
        number: session.number,
        state: stateLabel(session.state, i18n),
      });
    return then(access.value);
  }

  /** The secretariat's minutes card, with the reader's own link to the version last sent out. */
  const card = async (
    actor: Actor,
    view: MinutesView,
    i18n: Translator,
    banner?: CardBanner,
  ): Promise<AdaptiveCardJson> => {
    const pdfUrl = (await turnLinks(deps, actor, publicBaseUrl, minutesCardLinks(view)))('pdf');
    return renderMinutesCard(view, i18n, { pdfUrl, ...(banner ? { banner } : {}) });
  };
  /** A review card shown again (a receipt, or why nothing was stored), with the reader's own link. */
  const review = async (
    actor: Actor,
    message: MinutesReviewMessage,
    i18n: Translator,
    banner: CardBanner,
  ): Promise<AdaptiveCardJson> => {
    const pdfUrl = (await turnLinks(deps, actor, publicBaseUrl, reviewLinks(message)))('pdf');
    return renderMinutesReviewCard(message, i18n, { pdfUrl, banner });
  };
  const current = async (access: SessionAccess, actor: Actor): Promise<MinutesView> =>
    minutesView(
      deps,
      access.committee,
      access.session,
      await loadMinutes(deps, access.committee, access.session, actor.identity.aadObjectId),
    );

  return {
    /** `protokoll [2027/1]`, or the card's way back. */
    async open(actor: Actor, i18n: Translator, argumentOrData: unknown): Promise<AdaptiveCardJson> {
      return withMinutes(actor, i18n, 'minutes', argumentOrData, async (access) =>
        card(actor, await current(access, actor), i18n),
      );
    },

    async itemForm(actor: Actor, i18n: Translator, data: unknown): Promise<AdaptiveCardJson> {
      return withMinutes(actor, i18n, 'minutes', cardFields(data), async (access) => {
        const form = await minutesItemForm(deps, access, cardField(data, 'itemId'), actor.identity.aadObjectId);
        return form.ok
          ? renderMinutesItemCard(form.value, i18n)
          : card(
              actor,
              await current(access, actor),
              i18n,
              cardBanner('attention', i18n.t('minutesErrors.unknownItem')),
            );
      });
    },

    async itemSave(actor: Actor, i18n: Translator, data: unknown): Promise<AdaptiveCardJson> {
      return withMinutes(actor, i18n, 'minutes', cardFields(data), async (access) => {
        const result = await saveMinutesItem(
          deps,
          access,
          actor.identity.aadObjectId,
          cardField(data, 'version'),
          cardField(data, 'itemId'),
          cardFields(data),
        );
        if (result.ok)
          return card(
            actor,
            result.value,
            i18n,
            cardBanner('good', i18n.t('minutesResult.saved', { version: result.value.version })),
          );
        switch (result.error.kind) {
          case 'invalid':
            return renderMinutesItemCard(result.error.form, i18n, {
              fields: cardFields(data),
              problems: result.error.problems,
            });
          case 'outdated':
            return card(
              actor,
              result.error.view,
              i18n,
              cardBanner('warning', i18n.t('notices.outdatedTitle'), i18n.t('minutesErrors.outdated')),
            );
          default:
            return card(
              actor,
              await current(access, actor),
              i18n,
              cardBanner('attention', i18n.t('minutesErrors.unknownItem')),
            );
        }
      });
    },

    /** `protokoll versenden [2027/1]`, or the card's button. */
    async circulate(actor: Actor, i18n: Translator, argumentOrData: unknown): Promise<AdaptiveCardJson> {
      return withMinutes(actor, i18n, 'circulateMinutes', argumentOrData, async (access) => {
        const result = await circulateMinutes(deps, access.committee, access.session, actor.identity.aadObjectId);
        const after = { committee: access.committee, session: result.ok ? result.value.session : access.session };
        if (result.ok) {
          const { round, recipients, attendees, minutes } = result.value;
          const deadline = deadlineDay(minutes.circulation!.objectionDeadline, access.committee.timeZone, i18n);
          return card(
            actor,
            await current(after, actor),
            i18n,
            cardBanner(
              'good',
              i18n.t(round > 1 ? 'minutesResult.recirculated' : 'minutesResult.circulated', {
                version: minutes.version,
              }),
              i18n.t('minutesResult.circulatedText', { recipients, attendees, deadline }),
            ),
          );
        }
        const refusal = result.error;
        switch (refusal.kind) {
          case 'illegalState':
            return notice(i18n, 'attention', 'minutesErrors.title', 'minutesErrors.notHeld', {
              number: access.session.number,
              state: stateLabel(refusal.current, i18n),
            });
          case 'alreadyCirculated':
            return card(
              actor,
              await current(access, actor),
              i18n,
              cardBanner('accent', i18n.t('minutesErrors.alreadyCirculated', { version: refusal.version })),
            );
          default:
            return card(
              actor,
              await current(access, actor),
              i18n,
              cardBanner('attention', i18n.t(`minutesErrors.${refusal.kind}`)),
            );
        }
      });
    },

    /** `protokoll freigeben [2027/1]`, or the card's button; with objections waiting it asks first. */
    async approve(actor: Actor, i18n: Translator, argumentOrData: unknown): Promise<AdaptiveCardJson> {
      return withMinutes(actor, i18n, 'approveMinutes', argumentOrData, async (access) => {
        const { session } = access;
        const result = await approveMinutes(deps, access.committee, session, actor.identity.aadObjectId, {
          confirmed: cardField(argumentOrData, 'confirmed') === true,
          automatic: false,
        });
        if (result.ok) {
          const { correction, agreements, toWorkingGroupConversation, minutes } = result.value;
          const after = { committee: access.committee, session: result.value.session };
          const text = correction
            ? i18n.t('minutesResult.correctionText')
            : i18n.t(
                toWorkingGroupConversation ? 'minutesResult.approvedToChannel' : 'minutesResult.approvedToPeople',
                { agreements },
              );
          return card(
            actor,
            await current(after, actor),
            i18n,
            cardBanner(
              'good',
              i18n.t(correction ? 'minutesResult.correctionPublished' : 'minutesResult.approved', {
                version: minutes.version,
              }),
              text,
            ),
          );
        }
        const refusal = result.error;
        switch (refusal.kind) {
          case 'confirmObjections':
            return renderConfirmCard({
              title: i18n.t('minutesResult.confirmTitle', { number: session.number }),
              text: i18n.t('minutesResult.confirmText', { count: refusal.objections }),
              buttons: [
                cardButton(
                  i18n.t('minutesResult.confirm'),
                  VERBS.minutesApprove,
                  { sessionId: session.id, confirmed: true },
                  'positive',
                ),
                cardButton(i18n.t('minutesResult.back'), VERBS.minutesOpen, { sessionId: session.id }),
              ],
            });
          case 'revisionNotCirculated':
            return card(
              actor,
              await current(access, actor),
              i18n,
              cardBanner(
                'attention',
                i18n.t('minutesErrors.revisionNotCirculated', {
                  version: refusal.version,
                  circulated: refusal.circulatedVersion,
                }),
              ),
            );
          case 'illegalState':
            return notice(i18n, 'attention', 'minutesErrors.title', 'minutesErrors.notHeld', {
              number: session.number,
              state: stateLabel(refusal.current, i18n),
            });
          default:
            return card(
              actor,
              await current(access, actor),
              i18n,
              cardBanner(
                refusal.kind === 'alreadyApproved' ? 'accent' : 'attention',
                i18n.t(`minutesErrors.${refusal.kind}`),
              ),
            );
        }
      });
    },

    /** An attendee's answers from the review card; the receipt is the card with the answers as stored. */
    async respond(actor: Actor, i18n: Translator, data: unknown): Promise<AdaptiveCardJson> {
      const result = await respondToMinutes(
        deps,
        actor,
        cardField(data, 'sessionId'),
        cardField(data, 'version'),
        cardFields(data),
      );
      if (result.ok)
        return review(
          actor,
          result.value,
          i18n,
          cardBanner('good', i18n.t('minutesResult.responded'), i18n.t('minutesResult.respondedText')),
        );
      const refusal = result.error;
      switch (refusal.kind) {
        case 'outdated':
          return review(
            actor,
            refusal.current,
            i18n,
            cardBanner(
              'warning',
              i18n.t('notices.outdatedTitle'),
              i18n.t('minutesErrors.reviewOutdated', { version: refusal.current.version }),
            ),
          );
        case 'invalid':
          return review(actor, refusal.current, i18n, responseProblemsBanner(refusal.problems, i18n));
        case 'late':
          return notice(i18n, 'attention', 'minutesErrors.title', 'minutesErrors.late', {
            deadline: deadlineDay(refusal.deadline, actor.committee!.timeZone, i18n),
          });
        case 'notCurrent':
          return notCurrentNotice(i18n, 'minutes', refusal.reason);
        default:
          return notice(i18n, 'attention', 'minutesErrors.title', `minutesErrors.${refusal.kind}`);
      }
    },
  };
}

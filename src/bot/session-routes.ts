import type { AppDependencies } from '../app/dependencies';
import type { Actor } from '../app/identify-actor';
import { addExtraSession } from '../app/sessions/add-extra-session';
import { answerRsvp } from '../app/sessions/answer-rsvp';
import { openAttendance, recordAttendance } from '../app/sessions/attendance';
import { changeSessionState } from '../app/sessions/change-session-state';
import { editSession } from '../app/sessions/edit-session';
import {
  chosenSessionForCommand,
  sessionForCommand,
  sessionsOf,
  yearForCommand,
  type SessionAccessRefusal,
} from '../app/sessions/find-session';
import { inviteAsSecretariat } from '../app/sessions/invite-to-session';
import { invitationLinks, type InvitationView } from '../app/sessions/invitation-view';
import { openInvitation } from '../app/sessions/open-invitation';
import { planSessions } from '../app/sessions/plan-sessions';
import { remindUnanswered } from '../app/sessions/remind-unanswered';
import { rsvpOverview } from '../app/sessions/rsvp-overview';
import type { SessionDocument } from '../app/sessions/session-document';
import type { SessionState } from '../domain/sessions/session-state';
import { renderAttendanceCard } from '../cards/attendance-card';
import type { CardBanner } from '../cards/card-button';
import type { AdaptiveCardJson } from '../cards/card-template';
import { renderInvitationCard } from '../cards/invitation-card';
import { renderRsvpsCard } from '../cards/rsvps-card';
import { renderSessionEditCard } from '../cards/session-edit-card';
import { stateLabel } from '../cards/session-label';
import { renderSessionsCard } from '../cards/sessions-card';
import type { Translator } from '../i18n/translator';
import { escapeMarkdown } from '../cards/escape-markdown';
import { notCurrentNotice, notice } from './notices';
import { cardField, cardFields } from './card-data';
import { turnLinks } from './turn-links';

/** What the session handlers need beyond the use cases' dependencies. */
export interface SessionCardContext {
  readonly deps: AppDependencies;
  /** The bot's public origin, for calendar links; none in tests that do not need them. */
  readonly publicBaseUrl?: string;
}

/**
 * The Teams side of the session cycle: typed commands and card clicks mapped to use cases, and
 * their results (or refusals) to cards. Every refusal becomes a localised card; nothing here
 * decides what is allowed.
 */
export function sessionCards({ deps, publicBaseUrl }: SessionCardContext) {
  const nowIso = (): string => deps.clock.now().toUTC().toISO()!;

  const yearCard = async (
    actor: Actor,
    year: number,
    i18n: Translator,
    banner?: CardBanner,
    confirmCancel?: string,
  ): Promise<AdaptiveCardJson> =>
    renderSessionsCard(
      year,
      await sessionsOf(deps.store, actor.committeeId, year),
      actor.committee?.timeZone ?? 'Europe/Berlin',
      i18n,
      { ...(banner ? { banner } : {}), ...(confirmCancel ? { confirmCancel } : {}) },
    );

  const refused = (i18n: Translator, refusal: SessionAccessRefusal): AdaptiveCardJson =>
    refusal.kind === 'notFound'
      ? notice(i18n, 'attention', 'sessionErrors.title', 'sessionErrors.notFound', { number: refusal.number })
      : notice(
          i18n,
          'attention',
          'sessionErrors.title',
          `sessionErrors.${refusal.kind === 'noneSuitable' ? 'notInvited' : refusal.kind}`,
        );

  const illegal = (i18n: Translator, session: Pick<SessionDocument, 'number'>, state: SessionState): AdaptiveCardJson =>
    notice(i18n, 'attention', 'sessionErrors.title', 'sessionErrors.illegalState', {
      number: session.number,
      state: stateLabel(state, i18n),
    });

  /** The reader's invitation with their own calendar link. */
  const invitationCard = async (actor: Actor, view: InvitationView, i18n: Translator): Promise<AdaptiveCardJson> =>
    renderInvitationCard(view, i18n, (await turnLinks(deps, actor, publicBaseUrl, invitationLinks(view)))('calendar'));

  const handlers = {
    /** `sitzungen planen 2027`: creates what is missing and shows the year. */
    async plan(actor: Actor, i18n: Translator, argument: unknown): Promise<AdaptiveCardJson> {
      const result = await planSessions(deps, actor, argument);
      if (!result.ok) {
        if (result.error.kind === 'invalidYear')
          return notice(i18n, 'attention', 'sessionErrors.title', 'sessionErrors.invalidYear', {
            min: result.error.min,
            max: result.error.max,
          });
        return notice(i18n, 'attention', 'sessionErrors.title', `sessionErrors.${result.error.kind}`);
      }
      const year = Number(String(argument).trim());
      const created = result.value.created.length;
      const banner: CardBanner =
        created > 0
          ? {
              style: 'good',
              title: i18n.t('sessions.planned', { created, year }),
              text: i18n.t('sessions.plannedText'),
            }
          : { style: 'accent', title: i18n.t('sessions.plannedNone', { year }), text: '' };
      return yearCard(actor, year, i18n, banner);
    },

    /** `sondersitzung 2027-05-20`. */
    async extra(actor: Actor, i18n: Translator, argument: unknown): Promise<AdaptiveCardJson> {
      const text = typeof argument === 'string' ? argument : '';
      const result = await addExtraSession(deps, actor, text);
      if (!result.ok)
        return notice(i18n, 'attention', 'sessionErrors.title', `sessionErrors.${result.error.kind}`, {
          date: text.slice(0, 40),
        });
      const { session, created } = result.value;
      const banner: CardBanner = created
        ? {
            style: 'good',
            title: i18n.t('sessions.extraCreated', { number: session.number }),
            text: i18n.t('sessions.plannedText'),
          }
        : { style: 'accent', title: i18n.t('sessions.extraExisting', { number: session.number }), text: '' };
      return yearCard(actor, session.year, i18n, banner);
    },

    /** The year's sessions again (the edit form's "back", "keep it"). */
    async list(actor: Actor, i18n: Translator, data: unknown): Promise<AdaptiveCardJson> {
      const result = await yearForCommand(deps.store, actor, cardField(data, 'year'));
      if (!result.ok) return refused(i18n, result.error);
      return renderSessionsCard(result.value.year, result.value.sessions, actor.committee!.timeZone, i18n);
    },

    async editForm(actor: Actor, i18n: Translator, data: unknown): Promise<AdaptiveCardJson> {
      const access = await sessionForCommand(deps.store, actor, 'planSessions', cardField(data, 'sessionId'));
      if (!access.ok) return refused(i18n, access.error);
      return renderSessionEditCard(access.value.session, access.value.committee.timeZone, i18n);
    },

    async save(actor: Actor, i18n: Translator, data: unknown): Promise<AdaptiveCardJson> {
      const input = {
        date: cardField(data, 'date'),
        time: cardField(data, 'time'),
        place: cardField(data, 'place'),
        onlineLink: cardField(data, 'onlineLink'),
        chair: cardField(data, 'chair'),
      };
      const result = await editSession(deps, actor, cardField(data, 'sessionId'), cardField(data, 'revision'), input);
      if (result.ok) {
        const { session, notified } = result.value;
        return yearCard(actor, session.year, i18n, {
          style: 'good',
          title: i18n.t('sessions.saved', { number: session.number }),
          text: notified > 0 ? i18n.t('sessions.savedNotified', { count: notified }) : '',
        });
      }
      const refusal = result.error;
      switch (refusal.kind) {
        case 'invalid':
          return renderSessionEditCard(refusal.session, actor.committee!.timeZone, i18n, {
            input,
            problems: refusal.problems,
          });
        case 'outdated':
          return yearCard(actor, refusal.session.year, i18n, {
            style: 'warning',
            title: i18n.t('notices.outdatedTitle'),
            text: i18n.t('sessions.outdated'),
          });
        case 'illegalState': {
          const session = await sessionForCommand(deps.store, actor, 'planSessions', cardField(data, 'sessionId'));
          return illegal(i18n, session.ok ? session.value.session : { number: '' }, refusal.current);
        }
        default:
          return refused(i18n, refusal);
      }
    },

    /** Cancelling asks once: the first click shows the confirmation in place. */
    async step(actor: Actor, i18n: Translator, data: unknown): Promise<AdaptiveCardJson> {
      const access = await sessionForCommand(deps.store, actor, 'planSessions', cardField(data, 'sessionId'));
      if (!access.ok) return refused(i18n, access.error);
      const { session } = access.value;
      if (cardField(data, 'step') === 'cancel' && cardField(data, 'confirmed') !== true) {
        return yearCard(
          actor,
          session.year,
          i18n,
          {
            style: 'warning',
            title: i18n.t('sessions.confirmCancelTitle', { number: session.number }),
            text: i18n.t('sessions.confirmCancelText'),
          },
          session.id,
        );
      }
      const result = await changeSessionState(
        deps,
        actor,
        session.id,
        cardField(data, 'revision'),
        cardField(data, 'step'),
      );
      if (result.ok) {
        const { session: changed, notified } = result.value;
        return yearCard(actor, changed.year, i18n, {
          style: 'good',
          title: i18n.t('sessions.cancelled', { number: changed.number }),
          text: notified > 0 ? i18n.t('sessions.cancelledNotified', { count: notified }) : '',
        });
      }
      const refusal = result.error;
      if (refusal.kind === 'illegalState') return illegal(i18n, refusal.session, refusal.current);
      if (refusal.kind === 'outdated')
        return yearCard(actor, refusal.session.year, i18n, {
          style: 'warning',
          title: i18n.t('notices.outdatedTitle'),
          text: i18n.t('sessions.outdated'),
        });
      if (refusal.kind === 'unknownStep')
        return notice(i18n, 'attention', 'notices.unknownCommandTitle', 'notices.unknownAction');
      return refused(i18n, { kind: refusal.kind });
    },

    /** `einladen [2027/1]`, or the session card's button. */
    async invite(actor: Actor, i18n: Translator, argumentOrData: unknown): Promise<AdaptiveCardJson> {
      const access =
        typeof argumentOrData === 'string'
          ? await chosenSessionForCommand(
              deps.store,
              actor,
              'invite',
              argumentOrData,
              ['planned', 'topicsOpen'],
              nowIso(),
            )
          : await sessionForCommand(deps.store, actor, 'invite', cardField(argumentOrData, 'sessionId'));
      if (!access.ok)
        return access.error.kind === 'noneSuitable'
          ? notice(i18n, 'attention', 'sessionErrors.title', 'sessionErrors.noneToInvite')
          : refused(i18n, access.error);
      const result = await inviteAsSecretariat(deps, actor, access.value.session);
      if (result.ok) {
        const { session, invited } = result.value;
        return yearCard(actor, session.year, i18n, {
          style: 'good',
          title: i18n.t('sessions.invited', { number: session.number }),
          text: i18n.t('sessions.invitedText', { count: invited }),
        });
      }
      const refusal = result.error;
      switch (refusal.kind) {
        case 'alreadyInvited':
          return notice(i18n, 'default', 'sessionErrors.title', 'sessionErrors.alreadyInvited', {
            number: refusal.session.number,
          });
        case 'illegalState':
          return illegal(i18n, access.value.session, refusal.current);
        case 'outdated':
          return yearCard(actor, access.value.session.year, i18n, {
            style: 'warning',
            title: i18n.t('notices.outdatedTitle'),
            text: i18n.t('sessions.outdated'),
          });
        default:
          return notice(i18n, 'attention', 'sessionErrors.title', `sessionErrors.${refusal.kind}`);
      }
    },

    /** A refresh of an invitation card, or a click that only shows it. */
    async invitation(actor: Actor, i18n: Translator, data: unknown): Promise<AdaptiveCardJson> {
      const result = await openInvitation(deps, actor, cardField(data, 'sessionId'), cardField(data, 'personId'));
      if (result.ok) return invitationCard(actor, result.value, i18n);
      if (result.error.kind === 'notCurrent')
        return notCurrentNotice(i18n, 'invitation', result.error.reason, {
          institution: escapeMarkdown(result.error.institution),
        });
      return rsvpRefusal(i18n, result.error.kind);
    },

    async answer(actor: Actor, i18n: Translator, data: unknown): Promise<AdaptiveCardJson> {
      const result = await answerRsvp(deps, actor, {
        sessionId: cardField(data, 'sessionId'),
        personId: cardField(data, 'personId'),
        revision: cardField(data, 'revision'),
        choice: cardField(data, 'choice'),
        delegateName: cardField(data, 'delegateName'),
      });
      if (result.ok) return invitationCard(actor, result.value, i18n);
      const refusal = result.error;
      if (refusal.kind === 'notOpen' || refusal.kind === 'outdated') return invitationCard(actor, refusal.view, i18n);
      if (refusal.kind === 'delegateName')
        return notice(
          i18n,
          'attention',
          'invitation.errors.title',
          refusal.code === 'markup' ? 'invitation.errors.delegateNameMarkup' : 'invitation.errors.delegateName',
          { max: refusal.max },
        );
      if (refusal.kind === 'notCurrent')
        return notCurrentNotice(i18n, 'invitation', refusal.reason, {
          institution: escapeMarkdown(refusal.institution),
        });
      return rsvpRefusal(i18n, refusal.kind);
    },

    /** `zusagen [2027/1]`, or the session card's button. */
    async overview(
      actor: Actor,
      i18n: Translator,
      argumentOrData: unknown,
      banner?: CardBanner,
    ): Promise<AdaptiveCardJson> {
      const access =
        typeof argumentOrData === 'string'
          ? await chosenSessionForCommand(deps.store, actor, 'rsvps', argumentOrData, ['invited', 'held'], nowIso())
          : await sessionForCommand(deps.store, actor, 'rsvps', cardField(argumentOrData, 'sessionId'));
      if (!access.ok)
        return access.error.kind === 'noneSuitable'
          ? notice(i18n, 'attention', 'sessionErrors.title', 'sessionErrors.noneInvited')
          : refused(i18n, access.error);
      const result = await rsvpOverview(deps, actor, access.value.session);
      if (!result.ok) return notice(i18n, 'attention', 'sessionErrors.title', `sessionErrors.${result.error.kind}`);
      return renderRsvpsCard(result.value, i18n, banner);
    },

    async remind(actor: Actor, i18n: Translator, data: unknown): Promise<AdaptiveCardJson> {
      const access = await sessionForCommand(deps.store, actor, 'rsvps', cardField(data, 'sessionId'));
      if (!access.ok) return refused(i18n, access.error);
      const key = cardField(data, 'remindKey');
      if (typeof key !== 'string' || !/^[A-Za-z0-9-]{1,64}$/.test(key))
        return notice(i18n, 'attention', 'notices.unknownCommandTitle', 'notices.unknownAction');
      const result = await remindUnanswered(deps, access.value.committee, access.value.session, `card-${key}`);
      const banner: CardBanner = result.ok
        ? {
            style: 'good',
            title:
              result.value.reminded > 0
                ? i18n.t('rsvps.reminded', { count: result.value.reminded })
                : i18n.t('rsvps.remindedNone'),
            text: '',
          }
        : {
            style: 'warning',
            title: i18n.t(
              result.error.kind === 'alreadySent'
                ? 'sessionErrors.alreadyReminded'
                : result.error.kind === 'answersClosed'
                  ? 'sessionErrors.answersClosed'
                  : 'sessionErrors.notInvited',
            ),
            text: '',
          };
      return handlers.overview(actor, i18n, { sessionId: access.value.session.id }, banner);
    },

    /** `anwesenheit [2027/1]`, or the session card's button. */
    async attendance(actor: Actor, i18n: Translator, argumentOrData: unknown): Promise<AdaptiveCardJson> {
      const access =
        typeof argumentOrData === 'string'
          ? await chosenSessionForCommand(
              deps.store,
              actor,
              'attendance',
              argumentOrData,
              ['invited', 'held'],
              nowIso(),
            )
          : await sessionForCommand(deps.store, actor, 'attendance', cardField(argumentOrData, 'sessionId'));
      if (!access.ok)
        return access.error.kind === 'noneSuitable'
          ? notice(i18n, 'attention', 'sessionErrors.title', 'sessionErrors.noneInvited')
          : refused(i18n, access.error);
      const result = await openAttendance(
        deps,
        actor,
        access.value.session,
        typeof argumentOrData === 'string' ? 1 : cardField(argumentOrData, 'page'),
      );
      if (result.ok) return renderAttendanceCard(result.value, i18n);
      return attendanceRefusal(i18n, result.error, access.value.session);
    },

    async saveAttendance(actor: Actor, i18n: Translator, data: unknown): Promise<AdaptiveCardJson> {
      const result = await recordAttendance(
        deps,
        actor,
        cardField(data, 'sessionId'),
        cardField(data, 'revision'),
        cardFields(data),
        cardField(data, 'page'),
      );
      if (result.ok)
        return renderAttendanceCard(result.value, i18n, { style: 'good', title: i18n.t('attendance.saved'), text: '' });
      if (result.error.kind === 'outdated')
        return renderAttendanceCard(result.error.view, i18n, {
          style: 'warning',
          title: i18n.t('sessions.outdated'),
          text: '',
        });
      const session = await sessionForCommand(deps.store, actor, 'attendance', cardField(data, 'sessionId'));
      return attendanceRefusal(i18n, result.error, session.ok ? session.value.session : undefined);
    },
  };
  return handlers;

  function attendanceRefusal(
    i18n: Translator,
    refusal: Exclude<Awaited<ReturnType<typeof openAttendance>>, { ok: true }>['error'],
    session: SessionDocument | undefined,
  ): AdaptiveCardJson {
    switch (refusal.kind) {
      case 'illegalState':
        return illegal(i18n, session ?? { number: '' }, refusal.current);
      case 'invalid':
        return notice(i18n, 'attention', 'sessionErrors.title', 'sessionErrors.invalidAttendance', {
          max: refusal.max,
        });
      case 'outdated':
        return renderAttendanceCard(refusal.view, i18n);
      default:
        return notice(i18n, 'attention', 'sessionErrors.title', `sessionErrors.${refusal.kind}`);
    }
  }
}

function rsvpRefusal(
  i18n: Translator,
  kind: 'noCommittee' | 'unknownSession' | 'otherPerson' | 'notInvited' | 'invalidChoice' | 'noDeputy',
): AdaptiveCardJson {
  if (kind === 'noCommittee' || kind === 'unknownSession')
    return notice(i18n, 'attention', 'invitation.errors.title', `sessionErrors.${kind}`);
  return notice(i18n, 'attention', 'invitation.errors.title', `invitation.errors.${kind}`);
}

import type { DispatchAbout, MeetingSyncResult } from '../app/delivery/outbox-record';
import type { Translator } from '../i18n/translator';

/** What a dispatch's name is made of: what it was (if it says), and how many it went to. */
export interface DispatchLabelInput {
  readonly about?: DispatchAbout;
  /** People it went to 1:1. */
  readonly people: number;
  /** Channels or group chats it went to (the working group's). */
  readonly conversations: number;
  /** For an Outlook event: what bringing it up to date did; absent while pending. */
  readonly meeting?: Pick<MeetingSyncResult, 'action'>;
  /** Messages (or the Outlook event) that could not be delivered. */
  readonly failed?: number;
  /** Messages delivered, for a dispatch named by its outcome (the calendar address e-mail). */
  readonly sent?: number;
}

/**
 * A dispatch as the secretariat knows it, in the reader's language: „Einladung Sitzung 2027/1 an
 * 12 Mitglieder“, „Themenaufruf Sitzung 2027/1 an die Arbeitsgruppe“. A dispatch written before
 * dispatches said what they were is „Nachrichten an 3 Personen“; never its internal key. A
 * session's Outlook event is named by what was done to it: „Outlook-Termin Sitzung 2027/1 angelegt“;
 * the e-mail with a calendar address by its person and outcome: „Kalenderadresse per E-Mail an
 * Petra Krause: gesendet“.
 */
export function dispatchLabel(input: DispatchLabelInput, i18n: Translator): string {
  if (input.about?.kind === 'outlookEvent')
    return i18n.t(`meetings.report.${input.meeting?.action ?? (input.failed ? 'failed' : 'pending')}`, {
      number: input.about.sessionNumber ?? '',
    });
  if (input.about?.kind === 'feedLinkMail' && input.about.recipientName)
    return i18n.t(`feedLinkMail.report.${input.failed ? 'failed' : input.sent ? 'sent' : 'pending'}`, {
      name: input.about.recipientName,
    });
  const what = i18n.t(`dispatches.what.${input.about?.kind ?? 'generic'}`);
  const whom = whomText(input, i18n);
  const number = input.about?.sessionNumber;
  return number
    ? i18n.t('dispatches.withSession', { what, number, whom })
    : i18n.t('dispatches.withoutSession', { what, whom });
}

function whomText({ about, people, conversations }: DispatchLabelInput, i18n: Translator): string {
  const count = people;
  switch (about?.audience) {
    case 'members':
      return i18n.t('dispatches.whom.members', { count });
    case 'invitees':
      return i18n.t('dispatches.whom.invitees', { count });
    case 'secretariat':
      return i18n.t('dispatches.whom.secretariat');
    case 'workingGroup':
      if (conversations === 0) return i18n.t('dispatches.whom.workingGroupPeople', { count });
      return count > 0 ? i18n.t('dispatches.whom.workingGroupBoth', { count }) : i18n.t('dispatches.whom.workingGroup');
    default:
      if (conversations === 0) return i18n.t('dispatches.whom.people', { count });
      return count > 0
        ? i18n.t('dispatches.whom.peopleAndConversation', { count })
        : i18n.t('dispatches.whom.conversation');
  }
}

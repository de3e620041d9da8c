import type { OparlTexts, PublicInvitation } from '../domain/oparl/oparl-texts';
import { formatDay, formatDueDate, formatSessionRange } from '../i18n/format-date';
import type { Translator } from '../i18n/translator';

/**
 * The public record's words from the locale files, in one language: the server's default, since
 * the record is one for everyone. Dates are written as everywhere else (see src/i18n/format-date.ts).
 */
export function oparlTexts(i18n: Translator): OparlTexts {
  const dueDate = (isoDate: string) => {
    try {
      return formatDueDate(isoDate, i18n);
    } catch {
      return isoDate;
    }
  };
  return {
    meetingName: (shortName, number, extra) =>
      i18n.t(extra ? 'oparl.extraMeetingName' : 'oparl.meetingName', { shortName, number }),
    standardItemTitle: (standard) => i18n.t(`agenda.standard.${standard}`),
    membershipRole: (role) => i18n.t(role === 'member' ? 'oparl.roleMember' : 'oparl.roleDeputy'),
    workingGroupClassification: () => i18n.t('oparl.workingGroup'),
    invitationName: (number) => i18n.t('oparl.invitationName', { number }),
    resultsName: (number) => i18n.t('oparl.resultsName', { number }),
    agreementLine: (agreement) =>
      i18n.t('oparl.agreementLine', {
        text: agreement.text,
        institution: agreement.institution,
        due: dueDate(agreement.dueDate),
      }),
    invitationText: (invitation) => invitationText(invitation, i18n),
    bodyName: (committees) =>
      committees.length === 1
        ? committees[0]!.name
        : i18n.t('oparl.bodyCommittees', { names: committees.map((committee) => committee.shortName).join(', ') }),
  };
}

/**
 * The invitation as a plain-text file: the committee, the session, when and where, and the
 * agenda's items by number, as last published. No presenters, no online meeting link.
 */
function invitationText(invitation: PublicInvitation, i18n: Translator): string {
  const title = i18n.t(invitation.extra ? 'oparl.invitationExtraTitle' : 'oparl.invitationTitle', {
    number: invitation.sessionNumber,
  });
  const lines = [
    invitation.committeeName,
    title,
    formatSessionRange(invitation.startsAt, invitation.endsAt, invitation.timeZone, i18n),
    ...(invitation.place ? [i18n.t('oparl.invitationPlace', { place: invitation.place })] : []),
    '',
    i18n.t('oparl.invitationAgenda', {
      version: invitation.version,
      date: formatDay(invitation.publishedAt, invitation.timeZone, i18n),
    }),
    ...invitation.items.map((title, index) => `${i18n.t('agenda.number', { number: index + 1 })}  ${title}`),
  ];
  return `${lines.join('\n')}\n`;
}

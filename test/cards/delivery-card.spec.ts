import assert from 'node:assert/strict';
import type { DeliveryReport, DispatchSummary, FailedDelivery } from '../../src/app/delivery/delivery-report';
import type { DispatchKind } from '../../src/app/delivery/outbox-record';
import { renderDeliveryCard } from '../../src/cards/delivery-card';
import { dispatchLabel } from '../../src/cards/dispatch-label';
import { VERBS } from '../../src/cards/verbs';
import { translator, type Locale } from '../../src/i18n/translator';
import { actionData, cardText, hasAction } from '../support/bot-harness';

const de = translator('de');
const en = translator('en');

function summary(overrides: Partial<DispatchSummary> = {}): DispatchSummary {
  return {
    dispatchId: 'invite:session-2027-1',
    createdAt: '2027-01-29T10:00:00.000Z',
    about: { kind: 'invitation', audience: 'members', sessionNumber: '2027/1' },
    people: 12,
    conversations: 0,
    sent: 9,
    pending: 0,
    failed: 3,
    failures: [],
    ...overrides,
  };
}

function report(dispatches: DispatchSummary[], rest: Partial<DeliveryReport> = {}): DeliveryReport {
  return { dispatches, page: 1, hasOlder: false, ...rest };
}

function text(value: DeliveryReport, locale: Locale = 'de'): string {
  return cardText(renderDeliveryCard(value, 'Europe/Berlin', translator(locale)) as Record<string, unknown>);
}

/** Every kind the outbox knows: a kind added without a name here does not compile. */
const KINDS: Readonly<Record<DispatchKind, true>> = {
  invitation: true,
  invitationChange: true,
  cancellation: true,
  deputyInvitation: true,
  rsvpReminder: true,
  callForTopics: true,
  topicsClosed: true,
  topicDecision: true,
  agenda: true,
  agendaInvitation: true,
  agendaDeadline: true,
  minutesCirculation: true,
  minutesObjections: true,
  minutesApproval: true,
  minutesCorrection: true,
  actionItem: true,
  actionItemReminder: true,
  overdueDigest: true,
  deliveryFailures: true,
  outlookEvent: true,
  feedLinkMail: true,
};
const EVERY_KIND = Object.keys(KINDS) as DispatchKind[];

describe('cards: the delivery report names dispatches by what they were', () => {
  it('names an invitation and a call for topics as the secretariat knows them, in both languages', () => {
    const invitation = { about: summary().about, people: 12, conversations: 0 };
    assert.equal(dispatchLabel(invitation, de), 'Einladung Sitzung 2027/1 an 12 Mitglieder');
    assert.equal(dispatchLabel(invitation, en), 'Invitation, session 2027/1, to 12 members');
    const call = {
      about: { kind: 'callForTopics', audience: 'workingGroup', sessionNumber: '2027/1' } as const,
      people: 0,
      conversations: 1,
    };
    assert.equal(dispatchLabel(call, de), 'Themenaufruf Sitzung 2027/1 an die Arbeitsgruppe');
    assert.equal(dispatchLabel(call, en), 'Call for topics, session 2027/1, to the working group');
    assert.equal(
      dispatchLabel({ ...call, people: 1 }, de),
      'Themenaufruf Sitzung 2027/1 an die Arbeitsgruppe und 1 Person einzeln',
    );
    assert.equal(
      dispatchLabel({ ...call, conversations: 0, people: 4 }, de),
      'Themenaufruf Sitzung 2027/1 an 4 Personen der Arbeitsgruppe',
    );
    assert.equal(
      dispatchLabel({ about: { kind: 'overdueDigest', audience: 'secretariat' }, people: 2, conversations: 0 }, de),
      'Wochenübersicht überfälliger Aufgaben an die Geschäftsstelle',
    );
    assert.equal(
      dispatchLabel(
        { about: { kind: 'agenda', audience: 'recipients', sessionNumber: '2027/2' }, people: 1, conversations: 1 },
        en,
      ),
      "Agenda, session 2027/2, to 1 person and the working group's channel or group chat",
    );
  });

  it('gives every kind a name of its own in both languages, and counts with singular and plural', () => {
    for (const i18n of [de, en]) {
      const names = EVERY_KIND.map((kind) =>
        dispatchLabel(
          { about: { kind, audience: 'recipients', sessionNumber: '2027/1' }, people: 1, conversations: 0 },
          i18n,
        ),
      );
      assert.equal(new Set(names).size, EVERY_KIND.length, names.join(' | '));
      for (const name of names) assert.doesNotMatch(name, /dispatches\.|\{|undefined/, name);
    }
    const members = (people: number) =>
      dispatchLabel(
        { about: { kind: 'invitation', audience: 'members', sessionNumber: '2027/1' }, people, conversations: 0 },
        de,
      );
    assert.match(members(1), /an 1 Mitglied$/);
    assert.match(members(2), /an 2 Mitglieder$/);
    const invitees = (people: number, i18n = de) =>
      dispatchLabel(
        { about: { kind: 'cancellation', audience: 'invitees', sessionNumber: '2027/1' }, people, conversations: 0 },
        i18n,
      );
    assert.equal(invitees(1), 'Absage Sitzung 2027/1 an 1 eingeladene Person');
    assert.equal(invitees(3, en), 'Cancellation, session 2027/1, to 3 invitees');
  });

  it('names a dispatch written before dispatches said what they were without its internal key', () => {
    const old = summary({ about: undefined, dispatchId: 'agenda:session-2027-1:v1:invitees', people: 3 });
    assert.equal(dispatchLabel(old, de), 'Nachrichten an 3 Personen');
    assert.equal(dispatchLabel(old, en), 'Messages to 3 people');
    for (const locale of ['de', 'en'] as const)
      assert.doesNotMatch(text(report([old]), locale), /agenda:session|session-2027/);
  });
});

describe('cards: the delivery report says why a message did not arrive and what to do', () => {
  const failure = (facts: FailedDelivery['failure'], recipientLabel = 'Sabine Hoffmann', toConversation = false) => ({
    recipientLabel,
    toConversation,
    failure: facts,
  });

  it('asks the secretariat to have the person open Gremium or join the team when there is no chat yet', () => {
    const card = text(
      report([
        summary({
          failures: [
            failure({ reason: 'noConversation', status: null, lookedInHome: true }),
            failure({ reason: 'noConversation', status: null, lookedInHome: true }, 'Thomas Richter'),
          ],
        }),
      ]),
    );
    assert.match(
      card,
      /Sabine Hoffmann, Thomas Richter: Gremium hatte noch keinen Chat mit dieser Person[^]*Bitten Sie sie, Gremium in Teams einmal zu öffnen, oder nehmen Sie sie in das Team des Gremiums auf/,
    );
    assert.doesNotMatch(card, /Gremium kennt noch keinen Chat/);
  });

  it('tells apart not allowed to start a chat, blocked, gone, busy and refused, and a removed channel', () => {
    const card = (locale: Locale) =>
      text(
        report([
          summary({
            failures: [
              failure({ reason: 'noConversation', status: null, lookedInHome: false }, 'A'),
              failure({ reason: 'permanent', status: 403, step: 'open' }, 'B'),
              failure({ reason: 'permanent', status: 403, step: 'send' }, 'C'),
              failure({ reason: 'permanent', status: 403, step: 'open', code: 'ConversationBlockedByUser' }, 'D'),
              failure({ reason: 'permanent', status: 404 }, 'E'),
              failure({ reason: 'attemptsExhausted', status: 503 }, 'F'),
              failure({ reason: 'permanent', status: 400 }, 'G'),
              failure({ reason: 'permanent', status: 403 }, 'working group', true),
            ],
          }),
        ]),
        locale,
      );
    const german = card('de');
    assert.match(german, /A: [^\n]*fügen Sie Gremium dem Team des Gremiums hinzu/);
    assert.match(german, /B: Teams lässt Gremium keinen Chat mit dieser Person beginnen/);
    assert.match(german, /C, D: Die Person hat Gremium blockiert oder entfernt/);
    assert.match(german, /E: Der Chat mit dieser Person besteht nicht mehr/);
    assert.match(german, /F: Teams war bei keinem Versuch erreichbar/);
    assert.match(german, /G: Teams hat die Nachricht abgelehnt/);
    assert.match(german, /Kanal oder Gruppenchat der Arbeitsgruppe: Gremium ist nicht mehr im Kanal/);
    assert.doesNotMatch(german, /\b40[34]\b|working group/);
    const english = card('en');
    assert.match(english, /B: Teams does not let Gremium start a chat with this person/);
    assert.match(english, /the working group's channel or group chat: Gremium is no longer in/);
  });

  it('shows what became of the messages sent again', () => {
    const card = text(report([summary({ resent: { total: 3, sent: 2, pending: 0, failed: 1 } })], { focus: 'x' }));
    assert.match(card, /Erneut gesendet: 3 – davon zugestellt: 2 · ausstehend: 0 · nicht zugestellt: 1/);
  });
});

describe('cards: the delivery report pages through all dispatches', () => {
  it('offers older dispatches on the first page, and both ways further back', () => {
    const first = renderDeliveryCard(report([summary()], { hasOlder: true }), 'Europe/Berlin', de);
    assert.deepEqual(actionData(first, VERBS.deliveryOpen), { verb: VERBS.deliveryOpen, page: 2 });
    assert.equal(hasAction(first, VERBS.deliveryOpen, { page: 0 }), false);
    const third = renderDeliveryCard(report([summary()], { page: 3, hasOlder: true }), 'Europe/Berlin', de);
    assert.match(cardText(third), /Seite 3, ältere Versände[^]*Neuere Versände[^]*Ältere Versände/);
    assert.ok(hasAction(third, VERBS.deliveryOpen, { page: 2 }) && hasAction(third, VERBS.deliveryOpen, { page: 4 }));
    const last = renderDeliveryCard(report([summary()], { page: 4 }), 'Europe/Berlin', de);
    assert.equal(hasAction(last, VERBS.deliveryOpen, { page: 5 }), false);
  });

  it('shows one dispatch with a refresh button and the way back to all', () => {
    const card = renderDeliveryCard(report([summary()], { focus: 'invite:session-2027-1' }), 'Europe/Berlin', en);
    assert.ok(hasAction(card, VERBS.deliveryOpen, { dispatchId: 'invite:session-2027-1' }));
    assert.ok(hasAction(card, VERBS.deliveryOpen, { page: 1 }));
    assert.match(cardText(card), /Refresh[^]*All dispatches/);
  });

  it('offers the resend only where something did not arrive', () => {
    const card = renderDeliveryCard(
      report([summary(), summary({ dispatchId: 'call:x', failed: 0 })]),
      'Europe/Berlin',
      de,
    );
    assert.ok(hasAction(card, VERBS.deliveryRetry, { dispatchId: 'invite:session-2027-1' }));
    assert.equal(hasAction(card, VERBS.deliveryRetry, { dispatchId: 'call:x' }), false);
  });
});

describe("cards: the delivery report names a session's Outlook event by what was done to it", () => {
  const about = { kind: 'outlookEvent', audience: 'organiserMailbox', sessionNumber: '2027/1' } as const;
  const outlook = (overrides: Partial<DispatchSummary> = {}) =>
    summary({ dispatchId: 'meeting:session-2027-1:r2', about, people: 0, sent: 1, failed: 0, ...overrides });

  it('says created, updated, created again, cancelled, or waiting, in both languages', () => {
    const label = (action: NonNullable<DispatchSummary['meeting']>['action'] | undefined, i18n = de) =>
      dispatchLabel({ about, people: 0, conversations: 0, ...(action ? { meeting: { action } } : {}) }, i18n);
    assert.equal(label('created'), 'Outlook-Termin Sitzung 2027/1 angelegt');
    assert.equal(label('updated'), 'Outlook-Termin Sitzung 2027/1 aktualisiert');
    assert.equal(label('cancelled'), 'Outlook-Termin Sitzung 2027/1 abgesagt');
    assert.match(label('recreated'), /^Outlook-Termin Sitzung 2027\/1 neu angelegt, weil er in Outlook gelöscht wurde/);
    assert.equal(label(undefined), 'Outlook-Termin Sitzung 2027/1 wird abgeglichen');
    assert.equal(label('created', en), 'Outlook event, session 2027/1, created');
    assert.equal(label('cancelled', en), 'Outlook event, session 2027/1, cancelled');
  });

  it('names the invited Outlook cannot reach, and why Graph failed, without a status code', () => {
    const reached = cardText(
      renderDeliveryCard(
        report([outlook({ meeting: { action: 'updated', unreachable: ['Jonas Berg (Sozialministerium)'] } })]),
        'Europe/Berlin',
        de,
      ) as Record<string, unknown>,
    );
    assert.match(reached, /keine Outlook-Einladung \(in Teams eingeladen\): Jonas Berg \\\(Sozialministerium\\\)/);
    const failure = (status: number | null, reason: FailedDelivery['failure']['reason'], code?: string) =>
      outlook({
        sent: 0,
        failed: 1,
        failures: [
          {
            recipientLabel: 'organiser calendar',
            toConversation: false,
            toOrganiserCalendar: true,
            failure: { reason, status, ...(code ? { code } : {}) },
          },
        ],
      });
    const text = cardText(
      renderDeliveryCard(
        report([
          failure(403, 'permanent', 'ErrorAccessDenied'),
          failure(503, 'attemptsExhausted'),
          failure(null, 'permanent', 'notConfigured'),
        ]),
        'Europe/Berlin',
        de,
      ) as Record<string, unknown>,
    );
    assert.match(text, /Outlook-Termin Sitzung 2027\/1 konnte nicht abgeglichen werden/);
    assert.match(text, /Postfach der Geschäftsstelle: Gremium darf den Kalender des Postfachs/);
    assert.match(text, /Postfach der Geschäftsstelle: Microsoft Graph war bei keinem Versuch erreichbar/);
    assert.match(text, /nicht mehr mit einem Postfach der Geschäftsstelle verbunden/);
    assert.doesNotMatch(text, /403|503|organiser calendar|ErrorAccessDenied/);
  });
});

describe('cards: the delivery report names the calendar address e-mail by its person and outcome', () => {
  const about = { kind: 'feedLinkMail', audience: 'recipients', recipientName: 'Petra Krause' } as const;

  it('says queued, sent or not sent, in both languages', () => {
    const label = (counts: { sent?: number; failed?: number }, i18n = de) =>
      dispatchLabel({ about, people: 1, conversations: 0, ...counts }, i18n);
    assert.equal(label({}), 'Kalenderadresse per E-Mail an Petra Krause: zum Versand vorgemerkt');
    assert.equal(label({ sent: 1 }), 'Kalenderadresse per E-Mail an Petra Krause: gesendet');
    assert.equal(label({ failed: 1 }), 'Kalenderadresse per E-Mail an Petra Krause: nicht gesendet');
    assert.equal(label({ sent: 1 }, en), 'Calendar address by e-mail to Petra Krause: sent');
    const { recipientName: _name, ...unnamed } = about;
    assert.equal(
      dispatchLabel({ about: unnamed, people: 1, conversations: 0 }, de),
      'Kalenderadresse per E-Mail an 1 Person',
    );
  });

  it('says why it was not sent and what to do, by the person’s name and without a status code', () => {
    const failure = (status: number | null, reason: FailedDelivery['failure']['reason'], code?: string) =>
      summary({
        dispatchId: 'feed-mail:mail-1:r3',
        about,
        people: 1,
        sent: 0,
        failed: 1,
        failures: [
          {
            recipientLabel: 'Petra Krause',
            toConversation: false,
            toOrganiserMail: true,
            failure: { reason, status, ...(code ? { code } : {}) },
          },
        ],
      });
    const text = (locale: Locale) =>
      cardText(
        renderDeliveryCard(
          report([
            failure(403, 'permanent', 'ErrorAccessDenied'),
            failure(503, 'attemptsExhausted'),
            failure(null, 'permanent', 'notConfigured'),
            failure(400, 'permanent', 'ErrorInvalidRecipients'),
            failure(null, 'permanent', 'recipientGone'),
          ]),
          'Europe/Berlin',
          translator(locale),
        ) as Record<string, unknown>,
      );
    const german = text('de');
    assert.match(german, /Petra Krause: Gremium darf aus dem Postfach der Geschäftsstelle keine E-Mails senden/);
    assert.match(german, /Petra Krause: Microsoft Graph war bei keinem Versuch erreichbar/);
    assert.match(german, /Petra Krause: Gremium ist nicht mehr mit einem Postfach der Geschäftsstelle verbunden/);
    assert.match(german, /Petra Krause: Microsoft Graph hat die E-Mail abgelehnt/);
    assert.match(german, /Petra Krause: Die Person ist nicht mehr aktiv in der Mitgliederliste oder wurde gelöscht/);
    assert.doesNotMatch(german, /403|503|400|ErrorAccessDenied|recipientGone|feedLinkMail/);
    assert.match(text('en'), /Petra Krause: Microsoft Graph refused the e-mail/);
  });
});

import assert from 'node:assert/strict';
import { renderStepQuestionCard, type AskingStep } from '../../src/cards/step-question-card';
import { VERBS } from '../../src/cards/verbs';
import type { ConfirmReason } from '../../src/domain/confirmation/confirm-reason';
import type { StepQuestion } from '../../src/domain/confirmation/go-ahead';
import { translator } from '../../src/i18n/translator';
import { actionData, cardText, hasAction } from '../support/bot-harness';

const de = translator('de');
const en = translator('en');
const ZONE = 'Europe/Berlin';
const SESSION = { id: 'session-2027-1', number: '2027/1', year: 2027 };
const EXTRA = { id: 'session-2027-s1', number: '2027/S1', year: 2027, extra: true };

const question = (reasons: ConfirmReason[], changedSince = false): StepQuestion => ({
  reasons,
  basis: { revision: 4 },
  changedSince,
});
const lines = (step: AskingStep, reasons: ConfirmReason[], i18n = de) =>
  cardText(renderStepQuestionCard(step, SESSION, question(reasons), ZONE, i18n));

describe('cards/step-question-card: the question before a step that sends to many', () => {
  it('words each reason as the secretariat reads it, in the committee time zone', () => {
    const text = lines('publish', [
      {
        kind: 'agendaOverLength',
        overMinutes: 110,
        startsAt: '2027-02-11T13:00:00.000Z',
        endsAt: '2027-02-11T15:00:00.000Z',
      },
      { kind: 'topicsStillOpen', topicDeadline: '2027-01-21T23:00:00.000Z' },
      { kind: 'agendaLate', dueAt: '2027-01-28T08:00:00.000Z' },
      { kind: 'detailsMissing', missing: ['place', 'onlineLink'] },
    ]);
    assert.match(text, /Tagesordnung für die Sitzung 2027\/1 jetzt versenden\?/);
    assert.match(text, /• Die Tagesordnung ist 1 Std\. 50 Min\. länger als die Sitzung \(14:00–16:00 Uhr\)\./);
    assert.match(text, /• Themen können noch bis Donnerstag, 21\. Januar 2027, 24:00 Uhr angemeldet werden\./);
    assert.match(text, /• Die Tagesordnung sollte bis Donnerstag, 28\. Januar 2027, 09:00 Uhr versandt sein\./);
    assert.match(text, /• Ort und Online-Link fehlen\./);
    const approve = lines('approve', [
      { kind: 'objectionPeriodRunning', objectionDeadline: '2027-01-28T23:00:00.000Z' },
      { kind: 'objectionsRaised', objections: 2 },
    ]);
    assert.match(approve, /• Die Einwandfrist läuft noch bis Donnerstag, 28\. Januar 2027, 24:00 Uhr\./);
    assert.match(approve, /• Zur versandten Fassung liegen 2 Einwände vor\./);
  });

  it('shows the hours of a session in summer time as they are on the clock', () => {
    const text = lines('publish', [
      {
        kind: 'agendaOverLength',
        overMinutes: 25,
        startsAt: '2027-06-10T12:00:00.000Z',
        endsAt: '2027-06-10T14:00:00.000Z',
      },
      { kind: 'topicsStillOpen', topicDeadline: '2027-05-20T22:00:00.000Z' },
    ]);
    assert.match(text, /25 Min\. länger als die Sitzung \(14:00–16:00 Uhr\)/);
    assert.match(text, /bis Donnerstag, 20\. Mai 2027, 24:00 Uhr angemeldet/);
  });

  it('names what an invitation lacks, alone or together', () => {
    const missing = (details: Array<'place' | 'onlineLink' | 'chair'>, i18n = de) =>
      lines('invite', [{ kind: 'detailsMissing', missing: details }], i18n);
    assert.match(missing(['place']), /• Der Ort fehlt\./);
    assert.match(missing(['onlineLink']), /• Der Online-Link fehlt\./);
    assert.match(missing(['chair']), /• Die Sitzungsleitung fehlt\./);
    assert.match(missing(['place', 'onlineLink', 'chair']), /• Ort, Online-Link und Sitzungsleitung fehlen\./);
    assert.match(missing(['place', 'onlineLink'], en), /• Place and online link are missing\./);
    assert.match(missing(['chair'], en), /• The chair is missing\./);
  });

  it('says whom a call for topics reaches, however many that are, and until when', () => {
    const call = (people: number, toConversation: boolean, i18n = de) =>
      lines(
        'call',
        [{ kind: 'reachesWorkingGroup', people, toConversation, topicDeadline: '2027-01-21T23:00:00.000Z' }],
        i18n,
      );
    assert.match(call(2, true), /in ihren Kanal oder Gruppenchat und an alle 2 Mitglieder einzeln\./);
    assert.match(call(1, true), /in ihren Kanal oder Gruppenchat und an 1 Mitglied einzeln\./);
    assert.match(call(0, true), /geht in den Kanal oder Gruppenchat der Arbeitsgruppe;/);
    assert.match(call(12, false), /geht an alle 12 Mitglieder der Arbeitsgruppe einzeln\./);
    assert.match(call(1, false), /geht an 1 Mitglied der Arbeitsgruppe einzeln\./);
    assert.match(call(0, false), /erreicht niemanden/);
    assert.match(call(2, false), /• Anmeldeschluss: Donnerstag, 21\. Januar 2027, 24:00 Uhr\./);
    assert.match(call(3, false, en), /to all 3 working group members 1:1[^]*Deadline: Thursday, 21 January 2027/);
  });

  it("confirms with the step's own verb, the basis asked on and the flag, and offers a way back", () => {
    const cases: Array<[AskingStep, string, string]> = [
      ['call', VERBS.topicsCall, VERBS.sessionList],
      ['invite', VERBS.sessionInvite, VERBS.sessionEdit],
      ['publish', VERBS.agendaPublish, VERBS.agendaOpen],
      ['approve', VERBS.minutesApprove, VERBS.minutesOpen],
    ];
    for (const [step, verb, back] of cases) {
      const card = renderStepQuestionCard(
        step,
        SESSION,
        question([{ kind: 'objectionsRaised', objections: 1 }]),
        ZONE,
        de,
      );
      const { verb: _verb, ...data } = actionData(card, verb);
      assert.deepEqual(data, { sessionId: SESSION.id, revision: 4, confirmed: true }, step);
      assert.ok(hasAction(card, back), `${step}: a way back`);
      assert.equal((card.actions as unknown[]).length <= 3, true);
    }
    const publish = renderStepQuestionCard(
      'publish',
      SESSION,
      question([{ kind: 'detailsMissing', missing: ['place'] }]),
      ZONE,
      de,
      { inviting: true },
    );
    assert.ok(hasAction(publish, VERBS.sessionEdit), 'a missing detail is fixed on the session form');
    assert.match(cardText(publish), /gehen jetzt die Einladungen mit der Tagesordnung an die Mitglieder/);
  });

  it('says on top when it asks again because something changed, and offers to go ahead now when no reason is left', () => {
    const card = renderStepQuestionCard('invite', EXTRA, question([], true), ZONE, de);
    const text = cardText(card);
    assert.match(text, /^Seit dieser Frage hat sich etwas geändert\. Es wurde nichts versandt/);
    assert.match(text, /Zur Sondersitzung 2027\/S1 einladen\?[^]*Jetzt einladen/);
    assert.doesNotMatch(text, /Trotzdem/);
    assert.doesNotMatch(
      cardText(
        renderStepQuestionCard('invite', EXTRA, question([{ kind: 'detailsMissing', missing: ['place'] }]), ZONE, de),
      ),
      /Seit dieser Frage/,
    );
  });
});

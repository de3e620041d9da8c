import assert from 'node:assert/strict';
import type { Activity } from 'botbuilder';
import type { DispatchDocument } from '../../src/app/delivery/outbox-record';
import type { CommitteeDocument, ConversationDocument } from '../../src/app/documents';
import type { SubmissionDocument } from '../../src/app/agenda/submission-document';
import { createMessageRenderer } from '../../src/cards/outgoing-messages';
import { VERBS } from '../../src/cards/verbs';
import { COMMITTEE_DOCUMENT_ID, tenantDirectoryId } from '../../src/domain/ids';
import { recordCommitteeRoutes } from '../../src/app/committees/committee-routes';
import { KOG_TEAM } from '../app/sessions/session-fixtures';
import { chatPerson, COMMITTEE, PEOPLE, SESSION_1, SessionWorld } from '../app/sessions/session-world';
import {
  actionData,
  base,
  BOT,
  BotHarness,
  cardText,
  firstCard,
  hasAction,
  TENANT,
  type Person,
} from '../support/bot-harness';
import { openTempStore, type TempStore } from '../support/temp-store';

const person = chatPerson;
const stranger: Person = { id: '29:stranger', aadObjectId: '00000000-0000-4000-8000-00000000beef', name: 'Fremd' };
/** The end of 21 January 2027 in Berlin: the topic deadline of session 2027/1. */
const DEADLINE = '2027-01-21T23:00:00.000Z';
const CHANNEL = '19:ag@thread.tacv2';

/** A line written in the working group's channel, addressed to the bot with an @mention. */
function inChannel(text: string): Partial<Activity> {
  return {
    text: `<at>Gremium</at> ${text}`,
    entities: [{ type: 'mention', mentioned: { id: BOT.id, name: BOT.name }, text: '<at>Gremium</at>' }],
    conversation: {
      id: `${CHANNEL};messageid=1`,
      conversationType: 'channel',
      tenantId: TENANT,
      isGroup: true,
      name: '',
    },
    channelData: {
      tenant: { id: TENANT },
      team: { id: KOG_TEAM.id, name: 'KOG' },
      channel: { id: CHANNEL, name: 'AG Ausbildung und Arbeit' },
    },
  };
}

describe('bot: topics submitted by chat line and card', () => {
  let temp: TempStore;
  let world: SessionWorld;
  let bot: BotHarness;
  beforeEach(async () => {
    temp = await openTempStore();
    world = await SessionWorld.create(temp.store);
    bot = new BotHarness(world.deps);
  });
  afterEach(async () => temp.cleanup());

  const submissions = () => temp.store.query<SubmissionDocument>(COMMITTEE, { type: 'topicSubmission' });
  const at = (iso: string) => world.clock.advance(Date.parse(iso) - world.clock.now().toMillis());

  describe('the chat line', () => {
    it('takes a German line in the 1:1 chat and confirms with a receipt that can be edited or withdrawn', async () => {
      const card = firstCard(
        await bot.message(person('lena'), 'Thema: Ausbildungsabbrüche bei Geflüchteten – Zahlen der Kammern für 2026'),
      );
      assert.match(cardText(card), /Danke! Ihr Thema ist für Sitzung 2027\/1 angemeldet/);
      assert.ok(hasAction(card, VERBS.topicForm) && hasAction(card, VERBS.topicWithdraw));
      const [stored] = await submissions();
      assert.deepEqual(
        [stored?.sessionId, stored?.personId, stored?.content],
        [
          SESSION_1,
          PEOPLE.lena,
          { kind: 'topic', title: 'Ausbildungsabbrüche bei Geflüchteten', description: 'Zahlen der Kammern für 2026' },
        ],
      );
    });

    it('takes a line with an @mention in the working group channel', async () => {
      const card = firstCard(
        await bot.send({
          ...base(person('lena')),
          type: 'message',
          ...inChannel('praxis: Sprach-Kita im Betrieb — bewährt sich'),
        }),
      );
      assert.match(cardText(card), /Praxiserfahrung/);
      assert.deepEqual(
        (await submissions()).map((submission) => [
          submission.content.kind,
          submission.content.title,
          submission.content.description,
        ]),
        [['practice', 'Sprach-Kita im Betrieb', 'bewährt sich']],
      );
    });

    it('takes an English line from an English client and answers in English', async () => {
      const card = firstCard(
        await bot.message(person('birgit'), 'need: Childcare for trainees - courses start at 7', { locale: 'en-US' }),
      );
      assert.match(cardText(card), /Thank you! Your topic is submitted for Session 2027\/1/);
      assert.match(cardText(card), /Need for action/);
      assert.equal((await submissions())[0]?.content.kind, 'need');
    });

    it('points the same person to the first submission of the same title, and stores one', async () => {
      await bot.message(person('lena'), 'thema: Ausbildungsabbrüche – erste Fassung');
      const again = firstCard(await bot.message(person('lena'), 'THEMA: ausbildungsabbrüche. – zweite Fassung'));
      assert.match(cardText(again), /schon angemeldet/);
      assert.match(cardText(again), /erste Fassung/);
      assert.equal((await submissions()).length, 1);
      await bot.message(person('birgit'), 'thema: Ausbildungsabbrüche');
      assert.equal((await submissions()).length, 2, 'another person may submit the same title');
    });

    it('counts a line exactly at the deadline as late and offers it for the following session, telling the submitter', async () => {
      at('2027-01-21T22:59:59.000Z');
      assert.match(
        cardText(firstCard(await bot.message(person('lena'), 'thema: Knapp vor Schluss'))),
        /für Sitzung 2027\/1 angemeldet/,
      );
      at(DEADLINE);
      const late = cardText(firstCard(await bot.message(person('lena'), 'thema: Genau zum Schluss')));
      assert.match(
        late,
        /Der Anmeldeschluss für Sitzung 2027\/1 ist vorbei\. Ihr Thema ist deshalb für Sitzung 2027\/2 angemeldet/,
      );
      assert.deepEqual((await submissions()).map((submission) => submission.sessionId).sort(), [
        SESSION_1,
        'session-2027-2',
      ]);
    });

    it('refuses oversized, empty and markup input with the form and every problem, storing nothing', async () => {
      const oversized = cardText(firstCard(await bot.message(person('lena'), `thema: ${'T'.repeat(201)} – kurz`)));
      assert.match(oversized, /Titel: höchstens 200 Zeichen/);
      const empty = cardText(firstCard(await bot.message(person('lena'), 'thema: – nur Beschreibung')));
      assert.match(empty, /Titel: bitte angeben/);
      const markup = cardText(
        firstCard(await bot.message(person('lena'), 'thema: &lt;script&gt;alert(1)&lt;/script&gt; – x')),
      );
      assert.match(markup, /Titel: Bitte ohne HTML-Tags/);
      const template = cardText(
        firstCard(await bot.message(person('lena'), 'thema: Hallo – ${title} {"type":"Action.OpenUrl"}')),
      );
      assert.match(template, /Beschreibung: Bitte ohne HTML-Tags/);
      assert.equal((await submissions()).length, 0);
    });

    it('refuses people without a submitting role, storing nothing', async () => {
      assert.match(
        cardText(firstCard(await bot.send({ ...base(stranger), type: 'message', ...inChannel('thema: Von außen') }))),
        /Themen anmelden können die Mitglieder der Arbeitsgruppe/,
      );
      assert.match(
        cardText(firstCard(await bot.message(person('thomas'), 'thema: Als Stellvertretung'))),
        /Themen anmelden können/,
      );
      assert.equal((await submissions()).length, 0);
    });

    it('tells those who may submit how, in the help card, and no one else', async () => {
      assert.match(
        cardText(firstCard(await bot.message(person('lena'), 'hilfe'))),
        /Themen anmelden: Schreiben Sie „thema: Titel – Beschreibung“/,
      );
      assert.match(
        cardText(firstCard(await bot.message(person('lena'), 'help', { locale: 'en-US' }))),
        /Submit topics: write "topic: title – description"/,
      );
      assert.doesNotMatch(cardText(firstCard(await bot.message(person('thomas'), 'hilfe'))), /Themen anmelden/);
    });

    it('leaves other lines to the commands and the unknown-command answer', async () => {
      assert.match(
        cardText(firstCard(await bot.message(person('lena'), 'Themenvorschlag ohne Doppelpunkt'))),
        /nicht verstanden|Befehl/,
      );
      assert.equal((await submissions()).length, 0);
    });
  });

  describe('the receipt', () => {
    async function submitted(): Promise<Record<string, unknown>> {
      return firstCard(await bot.message(person('lena'), 'thema: Ausbildungsabbrüche – Zahlen der Kammern'));
    }

    it('edits through the form, with problems shown and the typed text kept', async () => {
      const receipt = await submitted();
      const form = await bot.execute(person('lena'), VERBS.topicForm, actionData(receipt, VERBS.topicForm));
      assert.match(cardText(form), /Themenanmeldung bearbeiten – Sitzung 2027\/1/);
      const save = actionData(form, VERBS.topicSubmit);
      const problems = await bot.execute(person('lena'), VERBS.topicSubmit, {
        ...save,
        kind: 'need',
        title: 'Neu',
        description: 'D'.repeat(4001),
      });
      assert.match(cardText(problems), /Beschreibung: höchstens 4000 Zeichen/);
      assert.match(cardText(problems), /Neu/);
      assert.equal((await submissions())[0]?.content.title, 'Ausbildungsabbrüche');
      const saved = await bot.execute(person('lena'), VERBS.topicSubmit, {
        ...save,
        kind: 'need',
        title: 'Abbrüche in der Pflegeausbildung',
        description: 'neu gefasst',
        link: 'https://example.org/zahlen.pdf',
      });
      assert.match(cardText(saved), /Ihre Änderungen sind gespeichert/);
      assert.deepEqual((await submissions())[0]?.content, {
        kind: 'need',
        title: 'Abbrüche in der Pflegeausbildung',
        description: 'neu gefasst',
        link: 'https://example.org/zahlen.pdf',
      });
      const outdated = await bot.execute(person('lena'), VERBS.topicSubmit, { ...save, kind: 'topic', title: 'Alt' });
      assert.match(cardText(outdated), /inzwischen geändert/);
      assert.equal((await submissions())[0]?.content.title, 'Abbrüche in der Pflegeausbildung');
    });

    it('withdraws, and a withdrawn title can be submitted again', async () => {
      const receipt = await submitted();
      const withdrawn = await bot.execute(
        person('lena'),
        VERBS.topicWithdraw,
        actionData(receipt, VERBS.topicWithdraw),
      );
      assert.match(cardText(withdrawn), /zurückgezogen/);
      assert.equal(hasAction(withdrawn, VERBS.topicWithdraw), false);
      assert.equal((await submissions())[0]?.status, 'withdrawn');
      assert.match(cardText(firstCard(await bot.message(person('lena'), 'thema: Ausbildungsabbrüche'))), /Danke!/);
      assert.deepEqual(
        (await submissions()).map((submission) => submission.status),
        ['submitted'],
      );
    });

    it('refuses changes by anyone but the submitter, and after the deadline', async () => {
      const receipt = await submitted();
      assert.match(
        cardText(await bot.execute(person('katrin'), VERBS.topicWithdraw, actionData(receipt, VERBS.topicWithdraw))),
        /gehört jemand anderem/,
      );
      assert.match(
        cardText(await bot.execute(person('katrin'), VERBS.topicForm, actionData(receipt, VERBS.topicForm))),
        /gehört jemand anderem/,
      );
      assert.match(
        cardText(
          await bot.execute(person('lena'), VERBS.topicWithdraw, {
            verb: VERBS.topicWithdraw,
            submissionId: '../session-2027-1',
            revision: 1,
          }),
        ),
        /gibt es nicht/,
      );
      at(DEADLINE);
      const closed = await bot.execute(person('lena'), VERBS.topicWithdraw, actionData(receipt, VERBS.topicWithdraw));
      assert.match(cardText(closed), /kann nicht mehr geändert werden/);
      assert.equal(hasAction(closed, VERBS.topicForm), false);
      assert.equal((await submissions())[0]?.status, 'submitted');
    });
  });

  describe('the call for topics', () => {
    async function withWorkingGroupChannel(): Promise<void> {
      const conversation: ConversationDocument = {
        id: 'conversation-ag',
        committeeId: tenantDirectoryId(TENANT),
        type: 'conversation',
        kind: 'channel',
        title: 'KOG › AG Ausbildung und Arbeit',
        address: {
          serviceUrl: 'https://smba.example/emea/',
          channelId: 'msteams',
          conversationId: CHANNEL,
          conversationType: 'channel',
          tenantId: TENANT,
          botId: BOT.id,
        },
        updatedAt: '2026-11-01T00:00:00.000Z',
      };
      await temp.store.upsert(conversation);
      const committee = (await temp.store.get<
        Record<string, unknown> & { id: string; committeeId: string; type: string }
      >(COMMITTEE, COMMITTEE_DOCUMENT_ID))!;
      const { _etag: etag, ...rest } = committee as typeof committee & { _etag: string };
      const withGroup = await temp.store.replace({ ...rest, workingGroupConversationId: conversation.id }, etag);
      // As the set-up card's save does: the directory learns whose working group's channel it is.
      await recordCommitteeRoutes(world.deps, withGroup as unknown as CommitteeDocument);
    }

    it('goes to the working group channel and each working group member, once; its button opens the form for that session', async () => {
      await withWorkingGroupChannel();
      const result = cardText(await bot.confirmed(person('katrin'), 'themenaufruf'));
      assert.match(result, /Themenaufruf zum Versand vorgemerkt/);
      assert.match(result, /Sitzung 2027\/1: in den Kanal oder Gruppenchat der Arbeitsgruppe und an 1 Mitglied/);
      assert.ok((await world.session()).topicsCalledAt, 'the call is recorded on the session');
      assert.match(
        cardText(firstCard(await bot.message(person('katrin'), 'themenaufruf 2027/1'))),
        /Der Themenaufruf zur Sitzung 2027\/1 ist bereits versandt; Themen können bis Donnerstag, 21\. Januar 2027, 24:00 Uhr angemeldet werden\. Es wurde niemand doppelt angeschrieben\./,
      );
      const dispatches = await temp.store.query<DispatchDocument>(COMMITTEE, { type: 'dispatch' });
      const drafts = dispatches.flatMap((dispatch) => dispatch.drafts);
      assert.deepEqual(
        drafts.map((draft) =>
          draft.recipient.kind === 'person'
            ? draft.recipient.aadObjectId
            : draft.recipient.kind === 'conversation'
              ? draft.recipient.conversationDocumentId
              : draft.recipient.kind === 'organiserCalendar'
                ? draft.recipient.sessionId
                : draft.recipient.personId,
        ),
        ['conversation-ag', PEOPLE.lena],
      );

      const call = createMessageRenderer('de').render(
        drafts[0]!.message,
        'de-DE',
        {},
        { committeeId: COMMITTEE, shortName: 'KOG' },
      ).attachments![0]!.content as Record<string, unknown>;
      assert.match(cardText(call), /Themenaufruf – Sitzung 2027\/1/);
      assert.match(cardText(call), /Donnerstag, 21\. Januar 2027, 24:00 Uhr/);
      const form = await bot.execute(person('lena'), VERBS.topicForm, actionData(call, VERBS.topicForm), inChannel(''));
      assert.match(cardText(form), /Thema anmelden – Sitzung 2027\/1/);
      const receipt = await bot.execute(
        person('lena'),
        VERBS.topicSubmit,
        {
          ...actionData(form, VERBS.topicSubmit),
          kind: 'practice',
          title: 'Mentoring in der Berufsschule',
          description: 'läuft seit 2025',
          institution: 'AG',
          desiredMinutes: '20',
        },
        inChannel(''),
      );
      assert.match(cardText(receipt), /Danke! Ihr Thema ist für Sitzung 2027\/1 angemeldet/);
      assert.equal((await submissions())[0]?.content.desiredMinutes, 20);
    });

    it("is the secretariat's: a member is refused and nothing is sent", async () => {
      assert.match(cardText(firstCard(await bot.message(person('birgit'), 'themenaufruf'))), /Nur die Geschäftsstelle/);
      assert.equal((await world.session()).state, 'planned');
      assert.equal((await temp.store.query(COMMITTEE, { type: 'dispatch' })).length, 0);
    });

    it('is refused after the topic deadline', async () => {
      at(DEADLINE);
      assert.match(
        cardText(firstCard(await bot.message(person('katrin'), 'themenaufruf 2027/1'))),
        /Anmeldeschluss für Sitzung 2027\/1 ist vorbei/,
      );
      assert.equal((await world.session()).state, 'planned');
    });
  });
});

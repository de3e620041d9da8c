import assert from 'node:assert/strict';
import type { Activity } from 'botbuilder';
import type { AgendaDocument } from '../../src/app/agenda/agenda-document';
import { saveAgendaItem } from '../../src/app/agenda/build-agenda';
import type { DispatchDocument } from '../../src/app/delivery/outbox-record';
import { respondToMinutes } from '../../src/app/minutes/respond-to-minutes';
import { VERBS } from '../../src/cards/verbs';
import { committeeAndSession, holdSession, storedMinutes } from '../app/minutes/minutes-world';
import { chatPerson, COMMITTEE, PEOPLE, SessionWorld } from '../app/sessions/session-world';
import { actionData, base, BotHarness, cardText, firstCard, hasAction } from '../support/bot-harness';
import { openTempStore, type TempStore } from '../support/temp-store';

const katrin = chatPerson('katrin');
const birgit = chatPerson('birgit');
/** What a card says when it asks again because the session, agenda or minutes changed since. */
const CHANGED_SINCE = /Seit dieser Frage hat sich etwas geändert\. Es wurde nichts versandt/;

/**
 * The four steps that reach everyone or cannot be taken back ask once, on a card, with the
 * concrete reasons; nothing goes out before the click on that card, the click sends once, a
 * repeated or re-delivered click sends nothing more, a card whose basis changed asks again, and
 * only the secretariat's click counts.
 */
describe('bot: asking before sending to everyone', function () {
  this.timeout(30_000);
  let temp: TempStore;
  let world: SessionWorld;
  let bot: BotHarness;
  beforeEach(async () => {
    temp = await openTempStore();
    world = await SessionWorld.create(temp.store);
    bot = new BotHarness(world.deps);
  });
  afterEach(async () => temp.cleanup());

  const dispatches = () => temp.store.query<DispatchDocument>(COMMITTEE, { type: 'dispatch' });
  /** Every queued message of the dispatches whose id starts with the prefix. */
  const queued = async (prefix = '') =>
    (await dispatches()).filter((dispatch) => dispatch.dispatchId.startsWith(prefix)).flatMap((d) => d.drafts);
  const ask = async (text: string) => firstCard(await bot.message(katrin, text));
  /** The click on the question's confirming button, by whoever clicks it. */
  const confirmData = (card: Record<string, unknown>, verb: string) => actionData(card, verb, { confirmed: true });
  /** The same invoke activity delivered twice, as Teams may after a timeout. */
  const deliveredTwice = async (verb: string, data: Record<string, unknown>) => {
    const activity: Partial<Activity> = {
      ...base(katrin),
      id: `redelivered-${verb}`,
      type: 'invoke',
      name: 'adaptiveCard/action',
      value: { action: { type: 'Action.Execute', verb, data } },
    };
    const first = await bot.send(activity);
    const second = await bot.send(activity);
    return [first, second].map((replies) => {
      const body = (replies.find((reply) => reply.type === 'invokeResponse')?.value as { body?: { value?: unknown } })
        ?.body?.value as Record<string, unknown>;
      return cardText(body);
    });
  };
  const at = (iso: string) => world.clock.advance(Date.parse(iso) - world.clock.now().toMillis());

  describe('inviting', () => {
    it('asks about an extra session without place, online link and Sitzungsleitung, and invites on the click, once', async () => {
      assert.match(cardText(await ask('sondersitzung 20.05.2027')), /Sondersitzung 2027\/S1 angelegt/);
      const question = await ask('einladen 2027/S1');
      const text = cardText(question);
      assert.match(text, /Zur Sondersitzung 2027\/S1 einladen\?/);
      assert.match(text, /• Ort, Online-Link und Sitzungsleitung fehlen\./);
      assert.match(text, /Trotzdem einladen[^]*Sitzung bearbeiten/);
      assert.deepEqual(await dispatches(), [], 'nothing is sent before the click');
      assert.equal((await world.session('session-2027-s1')).state, 'planned');

      const edit = await bot.execute(katrin, VERBS.sessionEdit, actionData(question, VERBS.sessionEdit));
      assert.match(cardText(edit), /Sondersitzung 2027\/S1 bearbeiten/, 'the way back is the session form');

      const [done, again] = await deliveredTwice(VERBS.sessionInvite, confirmData(question, VERBS.sessionInvite));
      assert.match(
        done!,
        /Einladung zur Sitzung 2027\/S1 zum Versand vorgemerkt[^]*Die Einladung an 3 Mitglieder ist zum Versand/,
      );
      assert.match(again!, /bereits eingeladen/);
      const clickedAgain = await bot.execute(katrin, VERBS.sessionInvite, confirmData(question, VERBS.sessionInvite));
      assert.match(cardText(clickedAgain), /bereits eingeladen/);
      assert.equal((await dispatches()).length, 1, 'one dispatch');
      assert.equal((await queued('invite:session-2027-s1')).length, 3, 'one invitation per seat, sent once');
    });

    it('asks again, saying so, when the session changed since the question, and sends nothing', async () => {
      await ask('sondersitzung 20.05.2027');
      const question = await ask('einladen 2027/S1');
      const form = await bot.execute(katrin, VERBS.sessionEdit, actionData(question, VERBS.sessionEdit));
      const saved = await bot.execute(katrin, VERBS.sessionSave, {
        ...actionData(form, VERBS.sessionSave),
        date: '2027-05-20',
        time: '14:00',
        place: 'Neues Rathaus, Raum 259',
        onlineLink: '',
      });
      assert.match(cardText(saved), /Sitzung 2027\/S1 gespeichert/);

      const outdated = await bot.execute(katrin, VERBS.sessionInvite, confirmData(question, VERBS.sessionInvite));
      assert.match(cardText(outdated), CHANGED_SINCE);
      assert.match(cardText(outdated), /• Online-Link und Sitzungsleitung fehlen\./);
      assert.doesNotMatch(cardText(outdated), /Ort,/);
      assert.deepEqual(await dispatches(), []);
      assert.equal((await world.session('session-2027-s1')).state, 'planned');

      const done = await bot.execute(katrin, VERBS.sessionInvite, confirmData(outdated, VERBS.sessionInvite));
      assert.match(cardText(done), /Einladung zur Sitzung 2027\/S1 zum Versand vorgemerkt/);
      assert.equal((await queued('invite:')).length, 3);
    });

    it("refuses a member's click on the confirmation, and sends nothing", async () => {
      const question = await ask('einladen 2027/1');
      assert.match(cardText(question), /• Ort und Online-Link fehlen\./);
      const refused = await bot.execute(birgit, VERBS.sessionInvite, confirmData(question, VERBS.sessionInvite));
      assert.match(cardText(refused), /Nur die Geschäftsstelle/);
      assert.deepEqual(await dispatches(), []);
      assert.equal((await world.session()).state, 'planned');
    });

    it('reads a confirmation only as the card sent it: anything else asks again and sends nothing', async () => {
      const question = await ask('einladen 2027/1');
      const confirm = confirmData(question, VERBS.sessionInvite);
      const revision = (await world.session()).revision;
      for (const tampered of [
        { ...confirm, confirmed: 'yes' },
        { ...confirm, confirmed: 1 },
        { ...confirm, confirmed: false },
        { ...confirm, revision: String(revision) },
        { ...confirm, revision: revision + 1 },
        { ...confirm, revision: undefined },
      ]) {
        const answer = cardText(await bot.execute(katrin, VERBS.sessionInvite, tampered));
        assert.match(answer, /Zur Sitzung 2027\/1 einladen\?[^]*Ort und Online-Link fehlen/, JSON.stringify(tampered));
      }
      assert.deepEqual(await dispatches(), []);
      assert.equal((await world.session()).state, 'planned');
      assert.match(
        cardText(await bot.execute(katrin, VERBS.sessionInvite, { ...confirm, confirmed: 'true' })),
        /Einladung zur Sitzung 2027\/1 zum Versand vorgemerkt/,
        'the text "true" of a client that sends text',
      );
    });

    it('invites at once when place, online link and Sitzungsleitung are there', async () => {
      const list = await ask('sitzungen planen 2027');
      const form = await bot.execute(katrin, VERBS.sessionEdit, actionData(list, VERBS.sessionEdit));
      await bot.execute(katrin, VERBS.sessionSave, {
        ...actionData(form, VERBS.sessionSave),
        date: '2027-02-11',
        time: '14:00',
        place: 'Neues Rathaus, Raum 259',
        onlineLink: 'https://meet.example.org/kog',
        chair: (await world.session()).chair,
      });
      assert.match(cardText(await ask('einladen 2027/1')), /Einladung zur Sitzung 2027\/1 zum Versand vorgemerkt/);
      assert.equal((await queued('invite:')).length, 3);
    });
  });

  describe('calling for topics', () => {
    it('always asks, saying to how many it goes and until when, and sends on the click, once', async () => {
      await world.addPerson('77777777-0000-4000-8000-000000000077', 'Jonas Kurz', ['workingGroup']);
      const question = await ask('themenaufruf');
      const text = cardText(question);
      assert.match(text, /Themenaufruf zur Sitzung 2027\/1 senden\?/);
      assert.match(text, /• Der Themenaufruf geht an alle 2 Mitglieder der Arbeitsgruppe einzeln\./);
      assert.match(text, /• Anmeldeschluss: Donnerstag, 21\. Januar 2027, 24:00 Uhr\./);
      assert.match(text, /Themenaufruf senden[^]*Zu den Sitzungen/);
      assert.deepEqual(await dispatches(), [], 'nothing is sent before the click');
      assert.equal((await world.session()).state, 'planned');

      const old = await ask('themen aufrufen 2027/1');
      assert.match(cardText(old), /Themenaufruf zur Sitzung 2027\/1 senden\?/, 'the former word asks too');

      const [done, again] = await deliveredTwice(VERBS.topicsCall, confirmData(question, VERBS.topicsCall));
      assert.match(done!, /Themenaufruf zum Versand vorgemerkt[^]*an 2 Mitglieder der Arbeitsgruppe einzeln/);
      assert.match(again!, /Themenaufruf zur Sitzung 2027\/1 ist bereits versandt/);
      const clickedAgain = await bot.execute(katrin, VERBS.topicsCall, confirmData(old, VERBS.topicsCall));
      assert.match(cardText(clickedAgain), /Themenaufruf zur Sitzung 2027\/1 ist bereits versandt/);
      assert.equal((await dispatches()).length, 1);
      assert.equal((await queued('call:')).length, 2, 'one call per member of the working group, sent once');
      assert.match(
        cardText(await ask('themenaufruf 2027/1')),
        /Themenaufruf zur Sitzung 2027\/1 ist bereits versandt/,
        'no question',
      );
    });

    it('asks again when the session changed since, and refuses a member, sending nothing', async () => {
      const question = await ask('themenaufruf 2027/1');
      const refused = await bot.execute(birgit, VERBS.topicsCall, confirmData(question, VERBS.topicsCall));
      assert.match(cardText(refused), /Nur die Geschäftsstelle/);

      const list = await ask('sitzungen planen 2027');
      const form = await bot.execute(katrin, VERBS.sessionEdit, actionData(list, VERBS.sessionEdit));
      await bot.execute(katrin, VERBS.sessionSave, {
        ...actionData(form, VERBS.sessionSave),
        date: '2027-02-18',
        time: '14:00',
      });
      const outdated = await bot.execute(katrin, VERBS.topicsCall, confirmData(question, VERBS.topicsCall));
      assert.match(cardText(outdated), CHANGED_SINCE);
      assert.match(cardText(outdated), /Anmeldeschluss: Donnerstag, 28\. Januar 2027, 24:00 Uhr/, 'the new deadline');
      assert.deepEqual(await dispatches(), []);
      assert.equal((await world.session()).state, 'planned');
    });
  });

  describe('publishing the agenda', () => {
    /** Session 2027/1 lasts three hours (14:00–17:00); these items take 4 h 50 min with the standard ones. */
    async function agendaOverLength(): Promise<void> {
      const by = PEOPLE.katrin;
      for (const [title, minutes] of [
        ['Ausbildungsabbrüche', '240'],
        ['Kinderbetreuung', '35'],
      ] as const) {
        const access = await committeeAndSession(world);
        const revision = (await temp.store.query<AgendaDocument>(COMMITTEE, { type: 'agenda' }))[0]?.revision;
        const saved = await saveAgendaItem(world.deps, access, by, revision ?? 0, '', {
          title,
          minutes,
          kind: 'discussion',
          presenter: 'Lena Vogt',
        });
        assert.ok(saved.ok, JSON.stringify(!saved.ok && saved.error));
      }
    }

    it('asks when the agenda runs over the session and topics may still come, and publishes on the click, once', async () => {
      await agendaOverLength();
      const question = await ask('tagesordnung veröffentlichen');
      const text = cardText(question);
      assert.match(text, /Tagesordnung für die Sitzung 2027\/1 jetzt versenden\?/);
      assert.match(text, /• Die Tagesordnung ist 1 Std\. 50 Min\. länger als die Sitzung \(14:00–17:00 Uhr\)\./);
      assert.match(text, /• Themen können noch bis Donnerstag, 21\. Januar 2027, 24:00 Uhr angemeldet werden\./);
      assert.match(text, /• Ort und Online-Link fehlen\./, 'it invites too, so it asks what inviting asks');
      assert.match(text, /Trotzdem versenden[^]*Sitzung bearbeiten[^]*Zurück zur Tagesordnung/);
      assert.deepEqual(await dispatches(), [], 'nothing is sent before the click');

      const [done, again] = await deliveredTwice(VERBS.agendaPublish, confirmData(question, VERBS.agendaPublish));
      assert.match(done!, /Fassung 1 der Tagesordnung für 2027\/1 ist zum Versand vorgemerkt/);
      assert.match(again!, /Seit Fassung 1 hat sich nichts geändert; es wurde nichts versandt/);
      assert.equal((await queued('invite:')).length, 3, 'the invitations with the agenda, once');
      assert.equal((await queued('agenda:session-2027-1:v1')).length, 1, 'the working group, once');
      assert.equal((await dispatches()).length, 2);
    });

    it('asks again when the agenda changed since, and refuses a member, sending nothing', async () => {
      await agendaOverLength();
      const question = await ask('tagesordnung veröffentlichen 2027/1');
      const refused = await bot.execute(birgit, VERBS.agendaPublish, confirmData(question, VERBS.agendaPublish));
      assert.match(cardText(refused), /Nur die Geschäftsstelle/);

      const agenda = await ask('tagesordnung');
      const moved = await bot.execute(
        katrin,
        VERBS.agendaMove,
        actionData(agenda, VERBS.agendaMove, { direction: 'down' }),
      );
      assert.doesNotMatch(cardText(moved), /inzwischen geändert/);
      const outdated = await bot.execute(katrin, VERBS.agendaPublish, confirmData(question, VERBS.agendaPublish));
      assert.match(cardText(outdated), CHANGED_SINCE);
      assert.match(cardText(outdated), /1 Std\. 50 Min\. länger als die Sitzung/);
      assert.deepEqual(await dispatches(), []);
      assert.equal((await world.session()).state, 'planned');
    });

    it('publishes at once from the topic deadline on when it fits and the invitations would have every detail', async () => {
      const list = await ask('sitzungen planen 2027');
      const form = await bot.execute(katrin, VERBS.sessionEdit, actionData(list, VERBS.sessionEdit));
      await bot.execute(katrin, VERBS.sessionSave, {
        ...actionData(form, VERBS.sessionSave),
        date: '2027-02-11',
        time: '14:00',
        place: 'Neues Rathaus, Raum 259',
        onlineLink: 'https://meet.example.org/kog',
        chair: (await world.session()).chair,
      });
      at('2027-01-21T23:00:00.000Z');
      const published = await ask('tagesordnung veröffentlichen');
      assert.match(cardText(published), /Fassung 1 der Tagesordnung für 2027\/1 ist zum Versand vorgemerkt/);
      assert.equal(hasAction(published, VERBS.agendaPublish, { confirmed: true }), false);
    });
  });

  describe('approving the minutes', () => {
    beforeEach(async () => {
      await holdSession(world);
      assert.match(cardText(await ask('protokoll versenden')), /Fassung 1 ist zum Versand vorgemerkt/);
    });
    const approvals = async () => queued('minutes-approved:');

    it('asks one minute after circulation while the objection period runs, and approves on the click, once', async () => {
      world.clock.advance(60_000);
      const before = (await dispatches()).length;
      const question = await ask('protokoll freigeben');
      const text = cardText(question);
      assert.match(text, /Protokoll der Sitzung 2027\/1 jetzt freigeben\?/);
      assert.match(text, /• Die Einwandfrist läuft noch bis Donnerstag, 18\. Februar 2027, 24:00 Uhr\./);
      assert.match(text, /Trotzdem freigeben[^]*Zurück zum Protokoll/);
      assert.equal((await dispatches()).length, before, 'nothing is sent before the click');
      assert.equal((await storedMinutes(world)).status, 'circulated');

      const [done, again] = await deliveredTwice(VERBS.minutesApprove, confirmData(question, VERBS.minutesApprove));
      assert.match(done!, /Fassung 1 ist freigegeben/);
      assert.match(again!, /bereits freigegeben/);
      const clickedAgain = await bot.execute(katrin, VERBS.minutesApprove, confirmData(question, VERBS.minutesApprove));
      assert.match(cardText(clickedAgain), /bereits freigegeben/);
      assert.equal((await dispatches()).length, before + 1, 'one dispatch');
      assert.ok((await approvals()).length > 0);
    });

    it('asks again when an objection came since, and refuses a member, approving nothing', async () => {
      const question = await ask('protokoll freigeben');
      const refused = await bot.execute(birgit, VERBS.minutesApprove, confirmData(question, VERBS.minutesApprove));
      assert.match(cardText(refused), /Nur die Geschäftsstelle/);

      const objected = await respondToMinutes(world.deps, await world.actor('thomas'), 'session-2027-1', 1, {
        answer_0: 'agree',
        answer_1: 'object',
        comment_1: 'Die Zahlen fehlen.',
        answer_2: 'agree',
      });
      assert.ok(objected.ok, JSON.stringify(!objected.ok && objected.error));
      const outdated = await bot.execute(katrin, VERBS.minutesApprove, confirmData(question, VERBS.minutesApprove));
      assert.match(cardText(outdated), CHANGED_SINCE);
      assert.match(cardText(outdated), /• Zur versandten Fassung liegt 1 Einwand vor\./);
      assert.equal((await storedMinutes(world)).status, 'circulated');
      assert.deepEqual(await approvals(), []);
    });

    it('approves at once from the end of the objection period when nobody objected', async () => {
      at('2027-02-18T23:00:00.000Z');
      const approved = await ask('protokoll freigeben');
      assert.match(cardText(approved), /Fassung 1 ist freigegeben/);
      assert.ok((await approvals()).length > 0);
    });
  });
});

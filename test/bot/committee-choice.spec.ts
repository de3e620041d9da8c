import assert from 'node:assert/strict';
import type { Activity } from 'botbuilder';
import { committeeIdForHome } from '../../src/app/committees/committee-id';
import { noteMemberships, personCommitteesOf } from '../../src/app/committees/person-committees';
import type { DispatchDocument } from '../../src/app/delivery/outbox-record';
import type { AppDependencies } from '../../src/app/dependencies';
import type { PersonDocument, SeatDocument } from '../../src/app/documents';
import { createMessageRenderer } from '../../src/cards/outgoing-messages';
import { VERBS } from '../../src/cards/verbs';
import { personDocumentId, seatDocumentId } from '../../src/domain/ids';
import type { Role } from '../../src/domain/roles';
import {
  actionData,
  alice,
  bob,
  BotHarness,
  cardText,
  firstCard,
  hasAction,
  TENANT,
  type Person,
} from '../support/bot-harness';
import { useTempStore, type TempStore } from '../support/temp-store';

const KOG_TEAM = { id: '19:kog-team@thread.tacv2', name: 'Koordinierungsgremium Leipzig' };
const SGI_TEAM = { id: '19:sgi-team@thread.tacv2', name: 'Steuerungsgruppe Integration' };
const KOG = committeeIdForHome(TENANT, KOG_TEAM);
const SGI = committeeIdForHome(TENANT, SGI_TEAM);

function inChannelOf(team: typeof KOG_TEAM): Partial<Activity> {
  return {
    conversation: {
      id: `${team.id};messageid=1`,
      conversationType: 'channel',
      tenantId: TENANT,
      isGroup: true,
      name: '',
    },
    channelData: { tenant: { id: TENANT }, team, channel: { id: team.id, name: 'Allgemein' } },
  };
}

const SETUP_FORM = {
  revision: 0,
  timeZone: 'Europe/Berlin',
  terms: '1-4,5-8,9-12',
  sessionLengthMinutes: '180',
  firstChair: 'Oberbürgermeister',
  rotatingChairs: 'Jobcenter Leipzig\nAgentur für Arbeit Leipzig',
  callForTopicsDays: '42',
  topicDeadlineDays: '21',
  agendaDispatchDays: '14',
  rsvpReminderDays: '7',
  workingGroupConversationId: 'none',
};

/** The first element of a card's body: its header when it names its committee. */
function header(card: Record<string, unknown>): string {
  const [first] = card.body as Array<{ id?: string; text?: string }>;
  return first?.id === 'committeeHeader' ? (first.text ?? '') : '';
}

/** Every Action.Execute and Action.Submit of the card with its data. */
function actions(card: unknown): Array<Record<string, unknown>> {
  const found: Array<Record<string, unknown>> = [];
  JSON.stringify(card, (_key, value: unknown) => {
    const action = value as { type?: string; data?: Record<string, unknown> } | null;
    if (action && (action.type === 'Action.Execute' || action.type === 'Action.Submit')) found.push(action.data ?? {});
    return value;
  });
  return found;
}

describe('bot: one person, several committees', () => {
  const fixture = useTempStore('2026-11-21T10:00:00Z');
  let temp: TempStore;
  let deps: AppDependencies;
  let bot: BotHarness;

  /**
   * Alice sets up the KOG in its team and the SGI in its own; she is the secretariat of both.
   * Bob holds the Jobcenter's seat in the KOG and is of the SGI's working group.
   */
  beforeEach(async () => {
    ({ temp, deps } = fixture);
    bot = new BotHarness(deps);
    for (const [team, shortName] of [
      [KOG_TEAM, 'KOG'],
      [SGI_TEAM, 'SGI'],
    ] as const) {
      const card = await bot.execute(
        alice,
        VERBS.setupSave,
        { ...SETUP_FORM, name: team.name, shortName },
        inChannelOf(team),
      );
      assert.match(cardText(card), /Gremium eingerichtet/);
    }
    await addPerson(KOG, bob, ['member']);
    await temp.store.upsert<SeatDocument>({
      id: seatDocumentId('jobcenter'),
      committeeId: KOG,
      type: 'seat',
      institution: 'Jobcenter Leipzig',
      memberId: bob.aadObjectId,
    });
    await addPerson(SGI, bob, ['workingGroup']);
  });

  async function addPerson(committeeId: string, who: Person, roles: Role[]): Promise<void> {
    await temp.store.upsert<PersonDocument>({
      id: personDocumentId(who.aadObjectId),
      committeeId,
      type: 'person',
      aadObjectId: who.aadObjectId,
      displayName: who.name,
      roles,
      active: true,
    });
    await noteMemberships(deps, committeeId, [who.aadObjectId]);
  }

  it('asks which committee a command is for, never guesses, and answers it with one click', async () => {
    const choice = firstCard(await bot.message(alice, 'sitzungen planen 2027'));
    const text = cardText(choice);
    assert.match(text, /Für welches Gremium\?/);
    assert.match(text, /KOG\nKoordinierungsgremium Leipzig\nIhre Rolle: Geschäftsstelle/);
    assert.match(text, /SGI\nSteuerungsgruppe Integration\nIhre Rolle: Geschäftsstelle/);
    assert.deepEqual(await temp.store.query(KOG, { type: 'session' }), [], 'nothing planned anywhere');
    assert.deepEqual(await temp.store.query(SGI, { type: 'session' }), []);

    const answered = await bot.execute(
      alice,
      VERBS.committeeChoose,
      actionData(choice, VERBS.committeeChoose, { committeeId: SGI }),
    );
    assert.match(cardText(answered), /Sitzungen 2027/);
    assert.equal(header(answered), 'SGI');
    assert.equal((await temp.store.query(SGI, { type: 'session' })).length, 3, 'planned in the SGI');
    assert.deepEqual(await temp.store.query(KOG, { type: 'session' }), []);
    // From now on her commands here act on the SGI.
    assert.equal(header(firstCard(await bot.message(alice, 'zustellung'))), 'SGI');
    assert.equal((await personCommitteesOf(temp.store, TENANT, alice.aadObjectId))?.currentCommitteeId, SGI);
  });

  it('lists her committees with her role in each and switches with one click or their short name', async () => {
    const list = firstCard(await bot.message(bob, 'gremium'));
    assert.match(cardText(list), /Ihre Gremien/);
    assert.match(cardText(list), /KOG[^]*Ihre Rolle: Mitglied[^]*SGI[^]*Ihre Rolle: Arbeitsgruppe/);
    assert.match(cardText(list), /„KOG: rückmeldungen 2027\/1“/, 'the card says how to name a committee');
    const switched = await bot.execute(
      bob,
      VERBS.committeeChoose,
      actionData(list, VERBS.committeeChoose, { committeeId: KOG }),
    );
    assert.match(cardText(switched), /Sie arbeiten jetzt mit KOG/);
    assert.ok(
      !hasAction(switched, VERBS.committeeChoose, { committeeId: KOG }),
      'the current one is marked, not offered',
    );
    assert.match(
      cardText(firstCard(await bot.message(bob, 'committee SGI', { locale: 'en-US' }))),
      /You now work with SGI/,
    );
    assert.equal((await personCommitteesOf(temp.store, TENANT, bob.aadObjectId))?.currentCommitteeId, SGI);
    assert.match(cardText(firstCard(await bot.message(bob, 'gremium XYZ'))), /Kein Gremium „xyz“/);
    assert.match(cardText(firstCard(await bot.message(bob, 'gremium', inChannelOf(KOG_TEAM)))), /persönlichen Chat/);
  });

  it('acts on the committee a command names in front, whatever the current one', async () => {
    await bot.message(alice, 'gremium SGI');
    assert.match(cardText(firstCard(await bot.message(alice, 'KOG: sitzungen planen 2027'))), /Sitzungen 2027/);
    assert.equal((await temp.store.query(KOG, { type: 'session' })).length, 3);
    assert.deepEqual(await temp.store.query(SGI, { type: 'session' }), []);
    assert.equal(header(firstCard(await bot.message(alice, 'kog: zusagen 2027/1'))), 'KOG', 'in any case');
    assert.equal((await personCommitteesOf(temp.store, TENANT, alice.aadObjectId))?.currentCommitteeId, SGI);
    const unknown = firstCard(await bot.message(alice, 'XYZ: zusagen 2027/1'));
    assert.match(cardText(unknown), /Kein Gremium „XYZ“/);
    assert.ok(hasAction(unknown, VERBS.committeeChoose, { committeeId: KOG, command: 'rsvps', argument: '2027/1' }));
    // In a committee's team a command names only that committee.
    assert.match(
      cardText(firstCard(await bot.message(alice, 'SGI: rückmeldungen 2027/1', inChannelOf(KOG_TEAM)))),
      /Hier arbeitet das Gremium „KOG“/,
    );
  });

  it('says on the help card which committees she belongs to and how to switch or name one', async () => {
    const undecided = cardText(firstCard(await bot.message(alice, 'hilfe')));
    assert.match(undecided, /Sie gehören mehreren Gremien an: KOG und SGI\. Wählen Sie mit „gremium“/);
    await bot.message(alice, 'gremium KOG');
    const current = cardText(firstCard(await bot.message(alice, 'hilfe')));
    assert.match(current, /Ihre Befehle in diesem Chat gelten KOG; mit „gremium“ wechseln Sie/);
    assert.match(current, /„KOG: rückmeldungen 2027\/1“/);
    assert.doesNotMatch(
      cardText(firstCard(await bot.message(bob, 'hilfe', inChannelOf(KOG_TEAM)))),
      /mehreren Gremien/,
    );
  });

  it('names the committee in the header of every card it answers with, and carries it in every action', async () => {
    await bot.message(alice, 'gremium KOG');
    let seen = 0;
    for (const command of ['sitzungen planen 2027', 'zusagen', 'mitglieder', 'einrichten', 'aufgaben', 'zustellung']) {
      const card = firstCard(await bot.message(alice, command));
      assert.equal(header(card), 'KOG', command);
      const data = actions(card);
      seen += data.length;
      for (const fields of data) assert.equal(fields.committeeId, KOG, `${command}: ${JSON.stringify(fields)}`);
    }
    assert.ok(seen > 10, `${seen} actions seen`);
    const inTeam = firstCard(await bot.message(alice, 'mitglieder', inChannelOf(SGI_TEAM)));
    assert.equal(header(inTeam), 'SGI');
    assert.ok(actions(inTeam).every((fields) => fields.committeeId === SGI));
  });

  it('sends invitations of two committees that name their committee and session in the header', async () => {
    // Bob holds a seat in each: the Jobcenter Leipzig's in the KOG, the Jobcenter Peine's in the SGI.
    await addPerson(SGI, bob, ['member']);
    for (const name of ['KOG', 'SGI']) await bot.message(alice, `${name}: sitzungen planen 2027`);
    await temp.store.upsert<SeatDocument>({
      id: seatDocumentId('jobcenter'),
      committeeId: SGI,
      type: 'seat',
      institution: 'Jobcenter Peine',
      memberId: bob.aadObjectId,
    });
    const headers: string[] = [];
    for (const [name, committeeId] of [
      ['KOG', KOG],
      ['SGI', SGI],
    ] as const) {
      assert.match(
        cardText(await bot.confirmed(alice, `${name}: einladen 2027/1`)),
        /Einladung zur Sitzung 2027\/1 zum Versand vorgemerkt/,
      );
      const [dispatch] = await temp.store.query<DispatchDocument>(committeeId, { type: 'dispatch' });
      const draft = dispatch!.drafts.find(
        (candidate) => candidate.recipient.kind === 'person' && candidate.recipient.aadObjectId === bob.aadObjectId,
      )!;
      const card = createMessageRenderer('de').render(draft.message, 'de-DE', {}, { committeeId, shortName: name })
        .attachments![0]!.content as Record<string, unknown>;
      headers.push(header(card));
      assert.ok(actions(card).every((fields) => fields.committeeId === committeeId));
    }
    assert.deepEqual(headers, ['KOG · Sitzung 2027/1', 'SGI · Sitzung 2027/1']);
  });
});

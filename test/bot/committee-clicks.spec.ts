import assert from 'node:assert/strict';
import type { Activity } from 'botbuilder';
import { committeeIdForHome } from '../../src/app/committees/committee-id';
import { noteMemberships } from '../../src/app/committees/person-committees';
import type { DispatchDocument } from '../../src/app/delivery/outbox-record';
import type { AppDependencies } from '../../src/app/dependencies';
import type { PersonDocument, SeatDocument } from '../../src/app/documents';
import type { Document } from '../../src/app/ports/document-store';
import { VERBS } from '../../src/cards/verbs';
import { personDocumentId, seatDocumentId } from '../../src/domain/ids';
import type { Role } from '../../src/domain/roles';
import {
  actionData,
  alice,
  bob,
  BotHarness,
  cardText,
  confirmingAction,
  firstCard,
  TENANT,
  type Person,
} from '../support/bot-harness';
import { useTempStore, type TempStore } from '../support/temp-store';

const KOG_TEAM = { id: '19:kog-team@thread.tacv2', name: 'Koordinierungsgremium Leipzig' };
const SGI_TEAM = { id: '19:sgi-team@thread.tacv2', name: 'Steuerungsgruppe Integration' };
const KOG = committeeIdForHome(TENANT, KOG_TEAM);
const SGI = committeeIdForHome(TENANT, SGI_TEAM);
const dana: Person = { id: '29:dana', aadObjectId: 'dddddddd-0000-0000-0000-000000000004', name: 'Dana Dietrich' };
/** Carol runs the SGI's secretariat and holds a seat in the KOG. */
const carol: Person = { id: '29:carol', aadObjectId: 'cccccccc-0000-0000-0000-000000000003', name: 'Carol Clausen' };

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
  rotatingChairs: 'Jobcenter Leipzig',
  callForTopicsDays: '42',
  topicDeadlineDays: '21',
  agendaDispatchDays: '14',
  rsvpReminderDays: '7',
  workingGroupConversationId: 'none',
};

/**
 * Each click acts on the committee its card names, and only for whom that committee's own
 * roster allows it: never the card's, nor another committee's, roles.
 */
describe('bot: every click checked against its card’s committee', () => {
  const fixture = useTempStore('2026-11-21T10:00:00Z');
  let temp: TempStore;
  let deps: AppDependencies;
  let bot: BotHarness;

  /** Alice sets up the KOG, Carol the SGI; both plan 2027. Bob holds a seat in the KOG only, Carol one too. */
  beforeEach(async () => {
    ({ temp, deps } = fixture);
    bot = new BotHarness(deps);
    for (const [who, team, shortName] of [
      [alice, KOG_TEAM, 'KOG'],
      [carol, SGI_TEAM, 'SGI'],
    ] as const) {
      const card = await bot.execute(
        who,
        VERBS.setupSave,
        { ...SETUP_FORM, name: team.name, shortName },
        inChannelOf(team),
      );
      assert.match(cardText(card), /Gremium eingerichtet/);
      assert.match(cardText(firstCard(await bot.message(who, 'sitzungen planen 2027'))), /Sitzungen 2027/);
    }
    await holdSeat(KOG, bob, 'jobcenter');
    await holdSeat(KOG, carol, 'ihk');
  });

  async function holdSeat(committeeId: string, who: Person, seat: string, roles: Role[] = ['member']): Promise<void> {
    await temp.store.upsert<PersonDocument>({
      id: personDocumentId(who.aadObjectId),
      committeeId,
      type: 'person',
      aadObjectId: who.aadObjectId,
      displayName: who.name,
      roles,
      active: true,
    });
    await temp.store.upsert<SeatDocument>({
      id: seatDocumentId(seat),
      committeeId,
      type: 'seat',
      institution: seat,
      memberId: who.aadObjectId,
    });
    await noteMemberships(deps, committeeId, [who.aadObjectId]);
  }

  const dispatches = async () =>
    JSON.stringify([
      await temp.store.query<DispatchDocument>(KOG, { type: 'dispatch' }),
      await temp.store.query<DispatchDocument>(SGI, { type: 'dispatch' }),
    ]);
  const states = async () =>
    JSON.stringify(
      [
        ...(await temp.store.query(KOG, { type: 'session' })),
        ...(await temp.store.query(SGI, { type: 'session' })),
      ].map((session) => [session.committeeId, session.id, (session as unknown as { state: string }).state]),
    );

  it("refuses a member of one committee who clicks another committee's card, and writes nothing there", async () => {
    assert.match(
      cardText(await bot.confirmed(alice, 'einladen 2027/1')),
      /Einladung zur Sitzung 2027\/1 zum Versand vorgemerkt/,
    );
    const before = await dispatches();
    for (const verb of [VERBS.sessionInvite, VERBS.rsvpsOpen, VERBS.rosterOpen]) {
      const card = await bot.execute(bob, verb, { committeeId: SGI, sessionId: 'session-2027-1' });
      assert.match(cardText(card), /Nicht erlaubt|Nur die Geschäftsstelle/, verb);
    }
    const answer = await bot.execute(bob, VERBS.rsvpAnswer, {
      committeeId: SGI,
      sessionId: 'session-2027-1',
      personId: bob.aadObjectId,
      revision: 2,
      choice: 'inPerson',
    });
    assert.doesNotMatch(cardText(answer), /gespeichert:/);
    assert.deepEqual(await temp.store.query(SGI, { type: 'rsvp' }), []);
    assert.equal(await dispatches(), before);
  });

  it("refuses the KOG's secretariat sending the SGI's session to be invited, changing nothing", async () => {
    const before = [await states(), await dispatches()];
    const card = await bot.execute(alice, VERBS.sessionInvite, { committeeId: SGI, sessionId: 'session-2027-1' });
    assert.match(cardText(card), /Nur die Geschäftsstelle/);
    const step = await bot.execute(alice, VERBS.sessionStep, {
      committeeId: SGI,
      sessionId: 'session-2027-1',
      revision: 1,
      step: 'cancel',
      confirmed: true,
    });
    assert.match(cardText(step), /Nur die Geschäftsstelle/);
    assert.deepEqual([await states(), await dispatches()], before);
  });

  it("acts on the card's own committee when it carries ids of another: they are unknown there", async () => {
    // The SGI has an extra session the KOG has not: its id inside a KOG card finds nothing.
    assert.match(cardText(firstCard(await bot.message(carol, 'SGI: sondersitzung 2027-06-10'))), /Sondersitzung/);
    const extra = (await temp.store.query<Document & Record<string, unknown>>(SGI, { type: 'session' })).find(
      (session) => session.extra === true,
    )!;
    const before = [await states(), await dispatches()];
    for (const [verb, data] of [
      [VERBS.sessionInvite, { sessionId: extra.id }],
      [VERBS.sessionEdit, { sessionId: extra.id }],
      [VERBS.agendaOpen, { sessionId: extra.id }],
      [VERBS.deliveryRetry, { dispatchId: `invite:${extra.id}` }],
    ] as const) {
      const card = await bot.execute(alice, verb, { ...data, committeeId: KOG });
      assert.match(cardText(card), /gibt es nicht|nicht gefunden|Diesen Versand gibt es nicht/, verb);
    }
    assert.deepEqual([await states(), await dispatches()], before);
  });

  it('lets a person in both act in each with the roles she has there', async () => {
    // Carol: the SGI's secretariat, a member of the KOG. The SGI has a seat of its own to invite.
    await holdSeat(SGI, dana, 'jobcenter-peine');
    assert.match(
      cardText(await bot.execute(carol, VERBS.sessionInvite, { committeeId: KOG, sessionId: 'session-2027-1' })),
      /Nur die Geschäftsstelle/,
    );
    assert.deepEqual(await temp.store.query(KOG, { type: 'dispatch' }), []);
    const asked = await bot.execute(carol, VERBS.sessionInvite, { committeeId: SGI, sessionId: 'session-2027-1' });
    const invited = await bot.execute(carol, VERBS.sessionInvite, confirmingAction(asked)!);
    assert.match(cardText(invited), /Einladung zur Sitzung 2027\/1 zum Versand vorgemerkt/);
    assert.equal((await temp.store.query(SGI, { type: 'dispatch' })).length, 1);
    // And as the KOG's invitee she answers the KOG's invitation.
    assert.match(
      cardText(await bot.confirmed(alice, 'einladen 2027/1')),
      /Einladung zur Sitzung 2027\/1 zum Versand vorgemerkt/,
    );
    const session = (await temp.store.get<Document & { revision: number }>(KOG, 'session-2027-1'))!;
    const answered = await bot.execute(carol, VERBS.rsvpAnswer, {
      committeeId: KOG,
      sessionId: 'session-2027-1',
      personId: carol.aadObjectId,
      revision: session.revision,
      choice: 'inPerson',
    });
    assert.match(cardText(answered), /Ihre Antwort|Zusage|vor Ort/);
    assert.equal((await temp.store.query(KOG, { type: 'rsvp' })).length, 1);
    assert.deepEqual(await temp.store.query(SGI, { type: 'rsvp' }), []);
  });

  it("refuses in a committee's channel a card of another committee, and cards of no committee of this organisation", async () => {
    const before = [await states(), await dispatches()];
    const inKogTeam = await bot.execute(
      carol,
      VERBS.sessionInvite,
      { committeeId: SGI, sessionId: 'session-2027-1' },
      inChannelOf(KOG_TEAM),
    );
    assert.match(cardText(inKogTeam), /Anderes Gremium/);
    for (const committeeId of [
      committeeIdForHome('99999999-8888-7777-6666-555555555555', SGI_TEAM),
      'tenant-99999999-8888-7777-6666-555555555555',
      42,
      { $ne: '' },
      '../committee',
    ]) {
      const card = await bot.execute(carol, VERBS.sessionInvite, { committeeId, sessionId: 'session-2027-1' });
      assert.match(cardText(card), /Anderes Gremium/, JSON.stringify(committeeId));
    }
    assert.deepEqual([await states(), await dispatches()], before);
  });

  it('answers a card of a committee with the card that names it, whichever committee the chat works with', async () => {
    await bot.message(carol, 'gremium KOG');
    const overview = await bot.execute(carol, VERBS.sessionList, { committeeId: SGI, year: 2027 });
    const [first] = overview.body as Array<{ text?: string }>;
    assert.equal(first?.text, 'SGI');
    assert.ok(actionData(overview, VERBS.sessionEdit).committeeId === SGI);
  });
});

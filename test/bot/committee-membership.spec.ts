import assert from 'node:assert/strict';
import { TeamsInfo, type Activity } from 'botbuilder';
import sinon from 'sinon';
import { committeeIdForHome } from '../../src/app/committees/committee-id';
import { personCommitteesOf } from '../../src/app/committees/person-committees';
import type { DispatchDocument } from '../../src/app/delivery/outbox-record';
import type { AppDependencies } from '../../src/app/dependencies';
import type { CommitteeDocument, PersonDocument, SeatDocument } from '../../src/app/documents';
import { VERBS } from '../../src/cards/verbs';
import { personDocumentId, seatDocumentId } from '../../src/domain/ids';
import { alice, base, bob, BOT, BotHarness, cardText, firstCard, TENANT } from '../support/bot-harness';
import { useTempStore, type TempStore } from '../support/temp-store';

/** A channel of a team: the committee's own, or any other team of the organisation. */
function inChannelOf(team: { readonly id: string; readonly name: string }): Partial<Activity> {
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

const KOG_TEAM = { id: '19:kog-team@thread.tacv2', name: 'KOG' };
const OTHER_TEAM = { id: '19:kantine@thread.tacv2', name: 'Kantine Neues Rathaus' };
const SGI_TEAM = { id: '19:sgi-team@thread.tacv2', name: 'Steuerungsgruppe Integration' };
const dana = { id: '29:dana', aadObjectId: 'dddddddd-0000-0000-0000-000000000004', name: 'Dana Dietrich' };

const SETUP_FORM = {
  revision: 0,
  name: 'Koordinierungsgremium Leipzig',
  shortName: 'KOG',
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

describe('bot/committee-membership', () => {
  const fixture = useTempStore('2026-11-21T10:00:00Z');
  let temp: TempStore;
  let deps: AppDependencies;
  let bot: BotHarness;

  beforeEach(() => {
    ({ temp, deps } = fixture);
    bot = new BotHarness(deps);
  });

  /** Alice sets the committee up in its team; Bob holds the Jobcenter's seat. Answers the committee's id. */
  async function committeeWithSeatHolder(): Promise<string> {
    assert.match(
      cardText(await bot.execute(alice, VERBS.setupSave, SETUP_FORM, inChannelOf(KOG_TEAM))),
      /Gremium eingerichtet/,
    );
    const [committee] = await temp.store.queryAcrossCommittees<CommitteeDocument>({ type: 'committee' });
    assert.ok(committee);
    const committeeId = committee.committeeId;
    await temp.store.upsert<PersonDocument>({
      id: personDocumentId(bob.aadObjectId),
      committeeId,
      type: 'person',
      aadObjectId: bob.aadObjectId,
      displayName: bob.name,
      roles: ['member'],
      active: true,
    });
    await temp.store.upsert<SeatDocument>({
      id: seatDocumentId('jobcenter'),
      committeeId,
      type: 'seat',
      institution: 'Jobcenter Leipzig',
      memberId: bob.aadObjectId,
    });
    return committeeId;
  }

  it('keeps a seat holder active and invited when they leave an unrelated team', async () => {
    const committeeId = await committeeWithSeatHolder();
    await bot.send({
      ...base(alice),
      ...inChannelOf(OTHER_TEAM),
      type: 'conversationUpdate',
      membersRemoved: [{ id: bob.id, aadObjectId: bob.aadObjectId } as never],
    });
    const person = await temp.store.get<PersonDocument>(committeeId, personDocumentId(bob.aadObjectId));
    assert.deepEqual([person?.active, person?.leftAt], [true, undefined]);

    assert.match(cardText(firstCard(await bot.message(alice, 'sitzungen planen 2027'))), /2027\/1/);
    assert.match(
      cardText(await bot.confirmed(alice, 'einladen 2027/1')),
      /Einladung zur Sitzung 2027\/1 zum Versand vorgemerkt/,
    );
    const [dispatch] = await temp.store.query<DispatchDocument>(committeeId, { type: 'dispatch' });
    const invited = (dispatch?.drafts ?? []).map((draft) =>
      draft.recipient.kind === 'person' ? draft.recipient.aadObjectId : '',
    );
    assert.ok(invited.includes(bob.aadObjectId), `Bob is invited: ${JSON.stringify(invited)}`);
  });

  it('deactivates a seat holder who leaves the committee’s own team', async () => {
    const committeeId = await committeeWithSeatHolder();
    await bot.send({
      ...base(alice),
      ...inChannelOf(KOG_TEAM),
      type: 'conversationUpdate',
      membersRemoved: [{ id: bob.id, aadObjectId: bob.aadObjectId } as never],
    });
    const person = await temp.store.get<PersonDocument>(committeeId, personDocumentId(bob.aadObjectId));
    assert.deepEqual([person?.active, person?.leftAt], [false, '2026-11-21T10:00:00.000Z']);
  });

  describe('with two committees in two teams', () => {
    afterEach(() => sinon.restore());

    /** The KOG in its team (with Bob's seat) and the SGI in another, Bob a member of both. */
    async function twoCommittees(): Promise<{ kog: string; sgi: string }> {
      const kog = await committeeWithSeatHolder();
      assert.match(
        cardText(await bot.execute(alice, VERBS.setupSave, { ...SETUP_FORM, shortName: 'SGI' }, inChannelOf(SGI_TEAM))),
        /Gremium eingerichtet/,
      );
      const sgi = committeeIdForHome(TENANT, SGI_TEAM);
      await temp.store.upsert<PersonDocument>({
        id: personDocumentId(bob.aadObjectId),
        committeeId: sgi,
        type: 'person',
        aadObjectId: bob.aadObjectId,
        displayName: bob.name,
        roles: ['member'],
        active: true,
      });
      return { kog, sgi };
    }
    const entry = (committeeId: string, who: { aadObjectId: string }) =>
      temp.store.get<PersonDocument>(committeeId, personDocumentId(who.aadObjectId));

    it('adds someone who joins a committee’s team to that committee only, and tells their index', async () => {
      const { kog, sgi } = await twoCommittees();
      sinon.stub(TeamsInfo, 'getMember').resolves({ id: dana.id, name: dana.name, aadObjectId: dana.aadObjectId });
      await bot.send({
        ...base(alice),
        ...inChannelOf(SGI_TEAM),
        type: 'conversationUpdate',
        membersAdded: [{ id: dana.id, aadObjectId: dana.aadObjectId } as never],
      });
      assert.equal((await entry(sgi, dana))?.active, true);
      assert.equal(await entry(kog, dana), undefined);
      const index = await personCommitteesOf(temp.store, TENANT, dana.aadObjectId);
      assert.deepEqual(index?.committeeIds, [sgi]);
    });

    it('deactivates someone who leaves one committee’s team there only; the other keeps inviting them', async () => {
      const { kog, sgi } = await twoCommittees();
      await bot.send({
        ...base(alice),
        ...inChannelOf(SGI_TEAM),
        type: 'conversationUpdate',
        membersRemoved: [{ id: bob.id, aadObjectId: bob.aadObjectId } as never],
      });
      assert.equal((await entry(sgi, bob))?.active, false);
      assert.equal((await entry(kog, bob))?.active, true);
      assert.match(cardText(firstCard(await bot.message(alice, 'KOG: sitzungen planen 2027'))), /2027\/1/);
      assert.match(
        cardText(await bot.confirmed(alice, 'KOG: einladen 2027/1')),
        /Einladung zur Sitzung 2027\/1 zum Versand vorgemerkt/,
      );
      const [dispatch] = await temp.store.query<DispatchDocument>(kog, { type: 'dispatch' });
      assert.ok(
        dispatch?.drafts.some(
          (draft) => draft.recipient.kind === 'person' && draft.recipient.aadObjectId === bob.aadObjectId,
        ),
      );
    });

    it('reads no member list and changes no roster where no committee lives', async () => {
      await twoCommittees();
      sinon.stub(TeamsInfo, 'getTeamChannels').resolves([]);
      const paged = sinon.stub(TeamsInfo, 'getPagedMembers').resolves({ members: [], continuationToken: '' });
      const getMember = sinon.stub(TeamsInfo, 'getMember').rejects(new Error('not asked'));
      const before = JSON.stringify(await everyPerson());
      for (const update of [
        { membersAdded: [{ id: BOT.id, name: BOT.name }] },
        { membersAdded: [{ id: dana.id, aadObjectId: dana.aadObjectId } as never] },
        { membersRemoved: [{ id: bob.id, aadObjectId: bob.aadObjectId } as never] },
      ])
        await bot.send({ ...base(alice), ...inChannelOf(OTHER_TEAM), type: 'conversationUpdate', ...update });
      await bot.send({ ...base(alice), ...inChannelOf(OTHER_TEAM), type: 'installationUpdate', action: 'add' });
      sinon.assert.notCalled(paged);
      sinon.assert.notCalled(getMember);
      assert.equal(JSON.stringify(await everyPerson()), before);
    });

    const everyPerson = async () =>
      (await temp.store.queryAcrossCommittees<PersonDocument>({ type: 'person' }))
        .map(({ _etag, ...person }) => person)
        .sort((a, b) => `${a.committeeId}${a.id}`.localeCompare(`${b.committeeId}${b.id}`));
  });
});

import assert from 'node:assert/strict';
import type { Activity } from 'botbuilder';
import type { DispatchDocument } from '../../src/app/delivery/outbox-record';
import type { AppDependencies } from '../../src/app/dependencies';
import type { CommitteeDocument, PersonDocument, SeatDocument } from '../../src/app/documents';
import { VERBS } from '../../src/cards/verbs';
import { personDocumentId, seatDocumentId } from '../../src/domain/ids';
import { alice, base, bob, BotHarness, cardText, firstCard, TENANT } from '../support/bot-harness';
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
    assert.match(cardText(firstCard(await bot.message(alice, 'einladen 2027/1'))), /eingeladen/i);
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
});

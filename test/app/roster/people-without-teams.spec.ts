import assert from 'node:assert/strict';
import { committeeIdForHome } from '../../../src/app/committees/committee-id';
import { personCommitteesOf } from '../../../src/app/committees/person-committees';
import type { DispatchDocument } from '../../../src/app/delivery/outbox-record';
import type { PersonDocument, SeatDocument } from '../../../src/app/documents';
import { actorIn } from '../../../src/app/identify-actor';
import type { DocumentStore } from '../../../src/app/ports/document-store';
import { erasePerson } from '../../../src/app/privacy/erase-person';
import { collectCommitteeData } from '../../../src/app/privacy/export-personal-data';
import { changeRoster, type RosterRequest } from '../../../src/app/roster/change-roster';
import { personIdForEmail } from '../../../src/app/roster/person-without-teams-id';
import { answerRsvp } from '../../../src/app/sessions/answer-rsvp';
import { openAttendance, recordAttendance } from '../../../src/app/sessions/attendance';
import { inviteAsSecretariat } from '../../../src/app/sessions/invite-to-session';
import { remindUnanswered } from '../../../src/app/sessions/remind-unanswered';
import { rsvpOverview } from '../../../src/app/sessions/rsvp-overview';
import { NO_QUESTIONS } from '../../../src/domain/confirmation/go-ahead';
import { isSafeIdPart, personDocumentId, seatDocumentId } from '../../../src/domain/ids';
import { deliveryReport } from '../../../src/app/delivery/delivery-report';
import { renderDeliveryCard } from '../../../src/cards/delivery-card';
import { translator } from '../../../src/i18n/translator';
import { cardText } from '../../support/bot-harness';
import { ENGINES } from '../../support/engines';
import { FakeMessenger } from '../../support/fake-messenger';
import { senderFor } from '../delivery/delivery-fixtures';
import { setUpCommittee } from '../sessions/session-fixtures';
import { COMMITTEE, PEOPLE, SESSION_1, SessionWorld, TENANT } from '../sessions/session-world';

const PETRA = {
  displayName: 'Petra Albrecht',
  institution: 'Landkreis Leipzig',
  email: 'Petra.Albrecht@LK-Leipzig.de',
};
const PETRA_ID = personIdForEmail(PETRA.email);

/**
 * A person without a Teams account, added by the secretariat by name, institution and e-mail
 * address: kept like everyone on the roster, counted in the tally and the attendance, covered by
 * export and erasure, and never sent a Teams card.
 */
for (const engine of ENGINES) {
  describe(`app/roster: people without Teams, on the ${engine.name}`, function () {
    this.timeout(60_000);
    let store: DocumentStore;
    let world: SessionWorld;
    let close: () => Promise<void>;
    let rawPartition: (committeeId: string) => Promise<Array<Record<string, unknown>>>;
    beforeEach(async () => {
      ({ store, close, rawPartition } = await engine.open());
      world = await SessionWorld.create(store);
    });
    afterEach(async () => close());

    const revision = async () =>
      (await store.get<{ revision: number } & PersonDocument>(COMMITTEE, 'roster'))?.revision ?? 0;
    const change = async (request: RosterRequest, who = 'katrin', at?: number) =>
      changeRoster(world.deps, await world.actor(who), { revision: at ?? (await revision()), request });
    const add = (fields: Partial<typeof PETRA> = {}) => change({ kind: 'addPersonWithoutTeams', ...PETRA, ...fields });
    const person = (id = PETRA_ID) => store.get<PersonDocument>(COMMITTEE, personDocumentId(id));
    /** The roster's documents, to show that a refusal changed nothing. */
    const snapshot = async () =>
      JSON.stringify(
        (await Promise.all(['person', 'seat', 'roster'].map((type) => store.query(COMMITTEE, { type })))).map(
          (documents) => documents.map(({ _etag, ...document }) => document).sort((a, b) => a.id.localeCompare(b.id)),
        ),
      );
    /** Gives Petra a seat of her own as its member, through the roster card's seat form. */
    const seatPetra = async () => {
      const saved = await change({
        kind: 'saveSeat',
        institution: 'Landkreis Leipzig',
        memberId: PETRA_ID,
        deputyId: '',
      });
      assert.ok(saved.ok, JSON.stringify(saved));
    };

    it('adds her with a key made from her address, marked without Teams, and notes her membership', async () => {
      const result = await add();
      assert.ok(result.ok, JSON.stringify(result));
      assert.deepEqual(result.value.outcome, {
        kind: 'personWithoutTeamsAdded',
        name: 'Petra Albrecht',
        feedMail: 'noOutlook',
      });
      assert.match(PETRA_ID, /^mail-[0-9a-f]{32}$/);
      assert.ok(isSafeIdPart(PETRA_ID));
      const stored = await person();
      assert.deepEqual(
        [stored?.displayName, stored?.institution, stored?.email, stored?.withoutTeams, stored?.roles, stored?.active],
        ['Petra Albrecht', 'Landkreis Leipzig', 'Petra.Albrecht@LK-Leipzig.de', true, [], true],
      );
      assert.equal(stored?.contact, undefined, 'no Teams contact');
      assert.equal(result.value.view.revision, 1);
      assert.deepEqual((await personCommitteesOf(store, TENANT, PETRA_ID))?.committeeIds, [COMMITTEE]);
    });

    it('is one person in two committees of the tenant: the same key from the same address in any case', async () => {
      const other = await setUpCommittee(world.deps, TENANT, 'AG', {
        kind: 'team',
        id: '19:ag-team@thread.tacv2',
        title: 'AG',
      });
      assert.equal(other, committeeIdForHome(TENANT, { id: '19:ag-team@thread.tacv2' }));
      assert.ok((await add()).ok);
      const secretariatThere = await actorIn(
        world.deps,
        { tenantId: TENANT, aadObjectId: PEOPLE.katrin, displayName: 'Katrin Albers' },
        other,
      );
      const there = await changeRoster(world.deps, secretariatThere, {
        revision: 0,
        request: { kind: 'addPersonWithoutTeams', ...PETRA, email: ' petra.albrecht@lk-leipzig.DE ' },
      });
      assert.ok(there.ok, JSON.stringify(there));
      assert.ok(await store.get<PersonDocument>(other, personDocumentId(PETRA_ID)));
      assert.deepEqual(
        [...((await personCommitteesOf(store, TENANT, PETRA_ID))?.committeeIds ?? [])].sort(),
        [COMMITTEE, other].sort(),
      );
    });

    it('refuses a missing, implausible, double or too long address, and a too long name, changing nothing', async () => {
      const before = await snapshot();
      const codes = async (fields: Partial<typeof PETRA>) => {
        const result = await add(fields);
        assert.ok(!result.ok && result.error.kind === 'invalid', JSON.stringify(result));
        return result.error.problems.map((problem) =>
          'field' in problem ? `${problem.field}:${problem.code}` : problem.code,
        );
      };
      assert.deepEqual(await codes({ email: '' }), ['email:required']);
      assert.deepEqual(await codes({ email: 'petra.albrecht' }), ['email:invalidEmail']);
      assert.deepEqual(await codes({ email: 'petra@lk leipzig.de' }), ['email:invalidEmail']);
      assert.deepEqual(await codes({ email: 'a@lk-leipzig.de; b@lk-leipzig.de' }), ['email:severalEmails']);
      assert.deepEqual(await codes({ email: `${'p'.repeat(250)}@lk.de` }), ['email:tooLong']);
      assert.deepEqual(await codes({ email: `${'p'.repeat(65)}@lk-leipzig.de` }), ['email:invalidEmail']);
      assert.deepEqual(await codes({ displayName: 'P'.repeat(121), institution: '' }), [
        'displayName:tooLong',
        'institution:required',
      ]);
      assert.deepEqual(await codes({ displayName: '<b>Petra</b>' }), ['displayName:markup']);
      assert.equal(await snapshot(), before);
    });

    it('refuses an address already on the roster, a Teams member’s or hers, by name', async () => {
      await store.upsert<PersonDocument>({
        ...(await store.get<PersonDocument>(COMMITTEE, personDocumentId(PEOPLE.birgit)))!,
        email: 'birgit.lehmann@arbeitsagentur.de',
      });
      const before = await snapshot();
      const taken = await add({ email: 'Birgit.Lehmann@arbeitsagentur.de' });
      assert.ok(!taken.ok && taken.error.kind === 'invalid');
      assert.deepEqual(taken.error.problems, [{ field: 'email', code: 'emailTaken', name: 'Birgit Lehmann' }]);
      assert.equal(await snapshot(), before);
      assert.ok((await add()).ok);
      const again = await add({ displayName: 'P. Albrecht' });
      assert.ok(!again.ok && again.error.kind === 'invalid');
      assert.deepEqual(again.error.problems, [{ field: 'email', code: 'emailTaken', name: 'Petra Albrecht' }]);
    });

    it('refuses anyone but the secretariat, and a card older than the roster, changing nothing', async () => {
      assert.ok((await add()).ok);
      const afterFirst = await snapshot();
      const byMember = await change({ kind: 'addPersonWithoutTeams', ...PETRA, email: 'x@lk-leipzig.de' }, 'sabine');
      assert.deepEqual(byMember, { ok: false, error: { kind: 'notAllowed' } });
      const stale = await change({ kind: 'addPersonWithoutTeams', ...PETRA, email: 'x@lk-leipzig.de' }, 'katrin', 0);
      assert.deepEqual(stale, { ok: false, error: { kind: 'outdated' } });
      assert.equal(await snapshot(), afterFirst);
    });

    it('lets the secretariat change her address, checked like a new one; a Teams member’s only Teams changes', async () => {
      assert.ok((await add()).ok);
      const saved = await change({ kind: 'setEmail', personId: PETRA_ID, email: 'p.albrecht@landkreis.example' });
      assert.ok(saved.ok, JSON.stringify(saved));
      assert.deepEqual(saved.value.outcome, { kind: 'emailSaved', name: 'Petra Albrecht', feedMail: 'noOutlook' });
      assert.equal((await person())?.email, 'p.albrecht@landkreis.example');
      assert.equal((await person())?.aadObjectId, PETRA_ID, 'the key stays');
      const bad = await change({ kind: 'setEmail', personId: PETRA_ID, email: 'nicht-gültig' });
      assert.ok(!bad.ok && bad.error.kind === 'invalid');
      assert.equal((await person())?.email, 'p.albrecht@landkreis.example');
      const teamsMember = await change({ kind: 'setEmail', personId: PEOPLE.birgit, email: 'b@example.org' });
      assert.ok(!teamsMember.ok && teamsMember.error.kind === 'invalid');
      assert.deepEqual(teamsMember.error.problems, [{ code: 'invalidValue' }]);
    });

    it('holds a seat as member or deputy like anyone', async () => {
      assert.ok((await add()).ok);
      await seatPetra();
      assert.deepEqual((await person())?.roles, ['member']);
      const deputy = await change({
        kind: 'saveSeat',
        seatId: seatDocumentId('agentur'),
        institution: 'Agentur für Arbeit Leipzig',
        memberId: PEOPLE.birgit,
        deputyId: PETRA_ID,
      });
      assert.ok(deputy.ok, JSON.stringify(deputy));
      assert.deepEqual((await person())?.roles, ['member', 'deputy']);
    });

    it('gets no Teams card on invitation or reminder, and the dispatch counts her as without Teams', async () => {
      assert.ok((await add()).ok);
      await seatPetra();
      const invited = await inviteAsSecretariat(
        world.deps,
        await world.actor('katrin'),
        await world.session(),
        NO_QUESTIONS,
      );
      assert.ok(invited.ok, JSON.stringify(invited));
      const reminded = await remindUnanswered(
        world.deps,
        (await world.actor('katrin')).committee!,
        await world.session(),
        'card-1',
      );
      assert.ok(reminded.ok);
      const dispatches = await store.query<DispatchDocument>(COMMITTEE, { type: 'dispatch' });
      const invitation = dispatches.find((dispatch) => dispatch.dispatchId.startsWith('invite:'));
      const reminder = dispatches.find((dispatch) => dispatch.dispatchId.startsWith('remind:'));
      assert.equal(invitation?.withoutTeams, 1);
      assert.equal(reminder?.withoutTeams, 1);
      const everyRecipient = dispatches.flatMap((dispatch) =>
        dispatch.drafts.map((draft) => (draft.recipient.kind === 'person' ? draft.recipient.aadObjectId : '')),
      );
      assert.ok(everyRecipient.includes(PEOPLE.birgit), 'the Teams members are invited');
      assert.ok(!everyRecipient.includes(PETRA_ID), 'she is in no draft');

      const messenger = new FakeMessenger(world.clock);
      await senderFor(world.deps, world.clock, messenger).drainOnce();
      const records = (await rawPartition(COMMITTEE)).filter((document) => document.type === 'outbox');
      assert.ok(records.length >= 4, 'the Teams members’ records are made');
      assert.ok(
        records.every((record) => !JSON.stringify(record).includes(PETRA_ID)),
        'none for her',
      );

      // The report tells the truth about her instead of listing her as failed.
      for (const [organiserMailbox, expected] of [
        [undefined, '1 Person ohne Teams ist ohne Outlook-Anbindung nicht erreichbar'],
        ['sitzungen@stadt.example', '1 Person ohne Teams erfährt dies über den Outlook-Termin der Sitzung'],
      ] as const) {
        const deps = { ...world.deps, ...(organiserMailbox ? { organiserMailbox } : {}) };
        const report = await deliveryReport(deps, await world.actor('katrin'));
        assert.ok(report.ok);
        const summary = report.value.dispatches.find((dispatch) => dispatch.about?.kind === 'invitation');
        assert.equal(summary?.withoutTeams, 1);
        assert.ok(summary?.failures.every((failure) => !failure.recipientLabel.includes('Petra')));
        const text = cardText(renderDeliveryCard(report.value, 'Europe/Berlin', translator('de')));
        assert.ok(text.includes(expected), text);
      }
    });

    it('counts in the tally and the attendance, which the secretariat records for her', async () => {
      assert.ok((await add()).ok);
      await seatPetra();
      assert.ok(
        (await inviteAsSecretariat(world.deps, await world.actor('katrin'), await world.session(), NO_QUESTIONS)).ok,
      );
      const katrin = await world.actor('katrin');
      const open = await rsvpOverview(world.deps, katrin, await world.session());
      assert.ok(open.ok);
      const line = open.value.lines.find(
        (candidate) => candidate.seatId !== undefined && candidate.institution === 'Landkreis Leipzig',
      );
      assert.deepEqual([line?.memberName, line?.status.kind], ['Petra Albrecht', 'noAnswer']);
      assert.equal(open.value.unanswered, 4, 'three Teams members and her');
      // Her answer (as it comes from Outlook) counts like any other.
      const answered = await answerRsvp(world.deps, await world.actor(PETRA_ID), {
        sessionId: SESSION_1,
        personId: PETRA_ID,
        revision: (await world.session()).revision,
        choice: 'inPerson',
      });
      assert.ok(answered.ok, JSON.stringify(answered));
      const tally = await rsvpOverview(world.deps, katrin, await world.session());
      assert.ok(tally.ok);
      assert.equal(tally.value.represented, 1);
      assert.equal(
        tally.value.lines.find((candidate) => candidate.seatId === (line?.seatId ?? ''))?.status.kind,
        'attending',
      );

      world.clock.advance(Date.parse('2027-02-11T12:00:00Z') - world.clock.now().toMillis());
      const attendance = await openAttendance(world.deps, katrin, await world.session());
      assert.ok(attendance.ok);
      const hers = attendance.value.entries.find((entry) => entry.institution === 'Landkreis Leipzig');
      assert.deepEqual([hers?.presence, hers?.name], ['inPerson', 'Petra Albrecht']);
      const saved = await recordAttendance(world.deps, katrin, SESSION_1, 0, {
        [`presence-${hers!.seatId}`]: 'online',
        [`name-${hers!.seatId}`]: 'Petra Albrecht',
      });
      assert.ok(saved.ok, JSON.stringify(saved));
      assert.equal(saved.value.entries.find((entry) => entry.seatId === hers!.seatId)?.presence, 'online');
    });

    it('is covered by the export with her address, and erasure removes name and address everywhere', async () => {
      assert.ok((await add()).ok);
      await seatPetra();
      const exported = await collectCommitteeData(store, COMMITTEE, PETRA_ID);
      const listed = exported.person as Partial<PersonDocument> | null;
      assert.equal(listed?.email, 'Petra.Albrecht@LK-Leipzig.de');
      assert.equal(listed?.withoutTeams, true);
      assert.deepEqual(exported.seats, [
        { seatId: (await seatOf())!.id, institution: 'Landkreis Leipzig', as: 'member' },
      ]);
      // The session's Outlook event lists her by address.
      await store.upsert({
        id: `meeting-${SESSION_1}`,
        committeeId: COMMITTEE,
        type: 'sessionMeeting',
        sessionId: SESSION_1,
        transactionId: 't-1',
        attendeeEmails: ['birgit.lehmann@arbeitsagentur.de', 'petra.albrecht@lk-leipzig.de'],
        updatedAt: '2026-11-21T10:00:00.000Z',
      });
      const erased = await erasePerson(world.deps, await world.actor('katrin'), {
        revision: await revision(),
        personId: PETRA_ID,
      });
      assert.ok(erased.ok, JSON.stringify(erased));
      const after = await person();
      assert.equal(after?.email, undefined);
      assert.equal(after?.institution, undefined);
      assert.notEqual(after?.displayName, 'Petra Albrecht');
      const documents = await rawPartition(COMMITTEE);
      const meeting = documents.find((document) => document.type === 'sessionMeeting');
      assert.deepEqual(meeting?.attendeeEmails, ['birgit.lehmann@arbeitsagentur.de'], 'the others stay attendees');
      const raw = JSON.stringify(documents).toLowerCase();
      assert.ok(!raw.includes('petra.albrecht@lk-leipzig.de'), 'her address is nowhere in the partition');
      assert.ok(!raw.includes('petra albrecht'), 'nor her name');
    });

    const seatOf = async () =>
      (await store.query<SeatDocument>(COMMITTEE, { type: 'seat' })).find((seat) => seat.memberId === PETRA_ID);
  });
}

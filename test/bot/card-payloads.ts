import { VERBS, type Verb } from '../../src/cards/verbs';
import { PEOPLE, SESSION_1 } from '../app/sessions/session-world';
import { ACTORS, SEAT_AGENTUR, SESSION_2, SESSION_3, type PermissionCase } from './permission-world';

/**
 * For every card verb, the data its card would carry in the permission world: the real ids,
 * revisions and versions of the stored state, and a realistic answer. The role table sends it as
 * every person; the tampering suite takes it apart.
 */
export async function payloadFor(verb: Verb, world: PermissionCase): Promise<Record<string, unknown>> {
  const s2 = await world.session(SESSION_2);
  const s3 = await world.session(SESSION_3);
  const s1 = await world.session(SESSION_1);
  const agreement = await world.agreement();
  const submission = await world.submission();
  const minutes = await world.minutes();
  const roster = await world.rosterRevision();
  const item = minutes.items[minutes.items.length - 1]!;
  const answers = Object.fromEntries(minutes.items.map((_item, index) => [`answer_${index}`, 'agree']));
  const nora = ACTORS.nora.person.aadObjectId;
  const payloads: Record<Verb, Record<string, unknown>> = {
    [VERBS.committeeChoose]: {},
    [VERBS.commandRun]: { command: 'language', argument: 'deutsch' },
    [VERBS.setupOpen]: {},
    [VERBS.setupSave]: { revision: 1, name: 'Koordinierungsgremium', shortName: 'KOG', timeZone: 'Europe/Berlin' },
    [VERBS.deliveryRetry]: { dispatchId: await world.dispatchId() },
    [VERBS.deliveryOpen]: { page: 2 },
    [VERBS.sessionList]: { year: 2027 },
    [VERBS.sessionEdit]: { sessionId: s3.id },
    [VERBS.sessionSave]: {
      sessionId: s3.id,
      revision: s3.revision,
      date: '2027-10-14',
      time: '14:00',
      place: 'Neues Rathaus',
      onlineLink: '',
      chair: s3.chair,
    },
    [VERBS.sessionStep]: { sessionId: s3.id, revision: s3.revision, step: 'cancel', confirmed: true },
    [VERBS.sessionInvite]: { sessionId: s3.id, revision: s3.revision, confirmed: true },
    [VERBS.invitationView]: { sessionId: s2.id, personId: PEOPLE.birgit },
    [VERBS.rsvpAnswer]: { sessionId: s2.id, personId: PEOPLE.birgit, revision: s2.revision, choice: 'online' },
    [VERBS.rsvpsOpen]: { sessionId: s2.id },
    [VERBS.rsvpsRemind]: { sessionId: s2.id, remindKey: 'reminder-1' },
    [VERBS.attendanceOpen]: { sessionId: s1.id, page: 1 },
    [VERBS.attendanceSave]: {
      sessionId: s1.id,
      revision: s1.revision,
      page: 1,
      [`presence-${SEAT_AGENTUR}`]: 'inPerson',
      [`name-${SEAT_AGENTUR}`]: 'Birgit Lehmann',
    },
    [VERBS.topicForm]: { submissionId: submission?.id },
    [VERBS.topicSubmit]: {
      submissionId: submission?.id,
      revision: submission?.revision,
      kind: 'topic',
      title: 'Ausbildungsabbrüche 2027',
      description: 'Zahlen der Kammern',
      institution: '',
      link: '',
      desiredMinutes: '',
    },
    [VERBS.topicWithdraw]: { submissionId: submission?.id, revision: submission?.revision },
    [VERBS.topicsOpen]: { sessionId: s2.id, page: 1 },
    [VERBS.topicsCall]: { sessionId: s3.id, revision: s3.revision, confirmed: true },
    [VERBS.topicDecideForm]: { submissionId: submission?.id },
    [VERBS.topicDecide]: {
      submissionId: submission?.id,
      revision: submission?.revision,
      decision: 'decline',
      reason: 'Schon auf der Tagesordnung',
    },
    [VERBS.agendaOpen]: { sessionId: s2.id },
    [VERBS.agendaMove]: {
      sessionId: s2.id,
      revision: (await world.agenda(s2.id))?.revision ?? 0,
      itemId: 'opening',
      direction: 'down',
    },
    [VERBS.agendaItemForm]: { sessionId: s2.id },
    [VERBS.agendaItemSave]: {
      sessionId: s2.id,
      revision: (await world.agenda(s2.id))?.revision ?? 0,
      itemId: '',
      title: 'Bericht der Kammern',
      presenter: 'IHK',
      minutes: '20',
      kind: 'information',
    },
    [VERBS.agendaPublish]: {
      sessionId: s2.id,
      revision: s2.revision,
      agendaRevision: (await world.agenda(s2.id))?.revision ?? 0,
      confirmed: true,
    },
    [VERBS.workingGroupsOpen]: { page: 1 },
    [VERBS.workingGroupForm]: {},
    [VERBS.workingGroupSave]: {
      formId: 'form-1',
      name: 'AG Sprachkurse',
      mandate: 'Angebote bündeln',
      members: PEOPLE.lena,
      startsOn: '2027-03-01',
      plannedEndOn: '2027-09-30',
      reportSessionId: s3.id,
    },
    [VERBS.workingGroupEnd]: { groupId: 'wg-unknown', revision: 1, confirmed: true },
    [VERBS.minutesOpen]: { sessionId: s1.id },
    [VERBS.minutesItemForm]: { sessionId: s1.id, itemId: item.itemId },
    [VERBS.minutesItemSave]: {
      sessionId: s1.id,
      version: minutes.version,
      itemId: item.itemId,
      summary: 'Neu gefasst',
      result: 'Beschlossen',
    },
    [VERBS.minutesCirculate]: { sessionId: s1.id },
    [VERBS.minutesRespond]: { sessionId: s1.id, version: minutes.version, ...answers },
    [VERBS.minutesApprove]: {
      sessionId: s1.id,
      version: minutes.version,
      objections: 0,
      confirmed: true,
    },
    [VERBS.actionsOpen]: { filter: 'all' },
    [VERBS.actionOpen]: { agreementId: agreement.id },
    [VERBS.actionStatus]: {
      agreementId: agreement.id,
      revision: agreement.revision,
      status: 'inProgress',
      note: 'Begonnen',
    },
    [VERBS.actionProposeDue]: {
      agreementId: agreement.id,
      revision: agreement.revision,
      dueDate: '2027-06-30',
      note: 'Kammern liefern später',
    },
    [VERBS.actionDecideDue]: { agreementId: agreement.id, revision: agreement.revision, decision: 'accept', note: '' },
    [VERBS.rosterOpen]: {},
    [VERBS.rosterImport]: {},
    [VERBS.rosterNewSeat]: {},
    [VERBS.rosterEditSeat]: { seatId: SEAT_AGENTUR },
    [VERBS.rosterSaveSeat]: {
      revision: roster,
      seatId: '',
      institution: 'Handwerkskammer zu Leipzig',
      memberId: nora,
      deputyId: 'none',
    },
    [VERBS.rosterRemoveSeat]: { revision: roster, seatId: SEAT_AGENTUR },
    [VERBS.rosterEditPerson]: { personId: nora },
    [VERBS.rosterSaveRoles]: {
      revision: roster,
      personId: nora,
      role_secretariat: 'true',
      role_chair: 'false',
      role_workingGroup: 'false',
    },
    [VERBS.rosterSetActive]: { revision: roster, personId: PEOPLE.yusuf, active: false },
    [VERBS.rosterWithoutTeamsForm]: {},
    [VERBS.rosterAddWithoutTeams]: {
      revision: roster,
      displayName: 'Petra Albrecht',
      institution: 'Landkreis Leipzig',
      email: 'petra.albrecht@landkreis.example',
    },
    // A Teams member's address comes from Teams: the card is refused as altered, for the secretariat too.
    [VERBS.rosterSaveEmail]: { revision: roster, personId: nora, email: 'nora@example.org' },
    // The first click of erasing only asks; a confirmed erasure is tested in test/bot/privacy.spec.ts.
    [VERBS.personErase]: { revision: roster, personId: PEOPLE.yusuf },
    // Nobody of the permission world is without Teams: the secretariat is told so, others are refused.
    [VERBS.personExport]: { personId: PEOPLE.yusuf },
    [VERBS.auditOpen]: { query: '2027/1', page: 1 },
    [VERBS.feedRenew]: {},
  };
  return { ...payloads[verb], verb };
}

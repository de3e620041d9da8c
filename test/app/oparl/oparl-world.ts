import assert from 'node:assert/strict';
import { saveAgendaItem } from '../../../src/app/agenda/build-agenda';
import { publishAgendaAsSecretariat } from '../../../src/app/agenda/publish-agenda';
import { submitTopic } from '../../../src/app/agenda/submit-topic';
import type { CommitteeDocument } from '../../../src/app/documents';
import { approveMinutes } from '../../../src/app/minutes/approve-minutes';
import { circulateMinutes } from '../../../src/app/minutes/circulate-minutes';
import { saveMinutesItem } from '../../../src/app/minutes/edit-minutes';
import { openOrCreateMinutes } from '../../../src/app/minutes/open-minutes';
import { respondToMinutes } from '../../../src/app/minutes/respond-to-minutes';
import { silentLogger } from '../../../src/app/ports/logger';
import type { DocumentStore } from '../../../src/app/ports/document-store';
import { refreshPublications, type OparlPublishing } from '../../../src/app/oparl/refresh-publication';
import { answerRsvp } from '../../../src/app/sessions/answer-rsvp';
import { editSession } from '../../../src/app/sessions/edit-session';
import { endWorkingGroup } from '../../../src/app/working-groups/end-working-group';
import { openWorkingGroupForm } from '../../../src/app/working-groups/open-working-group-form';
import { saveWorkingGroup } from '../../../src/app/working-groups/save-working-group';
import type { WorkingGroupDocument } from '../../../src/app/working-groups/working-group-document';
import { oparlTexts } from '../../../src/cards/oparl-texts';
import { COMMITTEE_DOCUMENT_ID } from '../../../src/domain/ids';
import { agreementField } from '../../../src/domain/minutes/minutes-item-edit';
import { translator } from '../../../src/i18n/translator';
import { inProcessPdfRenderer } from '../../../src/infra/pdf-renderer';
import { committeeAndSession, holdSession } from '../minutes/minutes-world';
import { COMMITTEE, PEOPLE, SESSION_1, SessionWorld, TENANT } from '../sessions/session-world';
import { NO_QUESTIONS } from '../../../src/domain/confirmation/go-ahead';

export const SESSION_2 = 'session-2027-2';
export const SESSION_3 = 'session-2027-3';
export const ONLINE_LINK = 'https://meet.example.org/geheimer-raum-4711';

/**
 * Words that exist only where they must never be published: the discussion, an objection, a
 * correction not yet sent out, a draft agenda, a topic submission nobody decided on, the online
 * meeting link, the chair, a working group's members and mandate, an RSVP's delegate; and the
 * committee's people by name and by their Entra object ids.
 */
export const NEVER_PUBLIC: readonly string[] = [
  'INTERNE AUSSPRACHE',
  'EINWAND ZUR ZAHL',
  'UNVERÖFFENTLICHTE BERICHTIGUNG',
  'ENTWURF NICHT VERÖFFENTLICHT',
  'THEMENANMELDUNG OHNE ENTSCHEIDUNG',
  'geheimer-raum-4711',
  'Bürgermeisterin Petra Sommer',
  'Frau Krause',
  'AUFTRAG NUR INTERN',
  'Gerda Stellmacher',
  'Katrin Albers',
  'Sabine Hoffmann',
  'Frau Hoffmann',
  'Thomas Richter',
  'Birgit Lehmann',
  'Yusuf Demir',
  'Yara Nowak',
  'Lena Vogt',
  ...Object.values(PEOPLE),
];

/** How the tests publish: as the server does, in German, with PDFs laid out in-process. */
export function testPublishing(base: string): OparlPublishing {
  return {
    base,
    texts: oparlTexts(translator('de')),
    pdf: { render: (print) => inProcessPdfRenderer.render(print, 'de') },
    language: 'de',
  };
}

/** Runs the background refresh once, as the server's loop does. */
export function refresh(world: SessionWorld, publishing: OparlPublishing): Promise<boolean> {
  return refreshPublications(world.deps, publishing, silentLogger);
}

/** Switches the committee's publication on or off, as saving the set-up card does. */
export async function setPublication(store: DocumentStore, on: boolean): Promise<void> {
  const committee = await store.get<CommitteeDocument>(COMMITTEE, COMMITTEE_DOCUMENT_ID);
  assert.ok(committee);
  await store.replace({ ...committee, publishOparl: on, revision: committee.revision + 1 }, committee._etag);
}

/**
 * The world's committee in the middle of its cycle, through the real use cases: session 2027/1
 * held, its minutes discussed, objected to, approved, and a correction drafted but not sent;
 * 2027/2 invited with a published agenda and replies; 2027/3 planned with a draft agenda; a
 * topic submission nobody decided on; a temporary working group at work and one ended. The clock
 * ends on 1 March 2027.
 */
export async function midCycleWorld(store: DocumentStore): Promise<SessionWorld> {
  const world = await SessionWorld.create(store);
  const katrin = await world.actor('katrin');
  const at = (iso: string) => world.clock.advance(Date.parse(iso) - world.clock.now().toMillis());

  const edited = await editSession(world.deps, katrin, SESSION_1, (await world.session()).revision, {
    date: '2027-02-11',
    time: '14:00',
    place: 'Neues Rathaus, Raum 259',
    chair: 'Bürgermeisterin Petra Sommer',
    onlineLink: ONLINE_LINK,
  });
  assert.ok(edited.ok, JSON.stringify(edited));
  const topic = await submitTopic(world.deps, await world.actor('lena'), {
    kind: 'topic',
    title: 'THEMENANMELDUNG OHNE ENTSCHEIDUNG',
    description: 'Bitte besprechen.',
  });
  assert.ok(topic.ok, JSON.stringify(topic));

  const group = async (name: string, mandate: string) => {
    const form = await openWorkingGroupForm(world.deps, katrin, undefined);
    assert.ok(form.ok && 'formId' in form.value);
    const saved = await saveWorkingGroup(world.deps, katrin, {
      formId: form.value.formId,
      input: {
        name,
        mandate,
        members: 'Frau Krause (Ausländerbehörde), Jobcenter Leipzig',
        startsOn: '2026-12-01',
        plannedEndOn: '2027-06-30',
      },
    });
    assert.ok(saved.ok, JSON.stringify(saved));
    return saved.value.group;
  };
  await group('AG 3 Fachkräfteeinwanderungsgesetz', 'AUFTRAG NUR INTERN: Empfehlungen erarbeiten.');
  const ended: WorkingGroupDocument = await group('UAG Aufnahme gefährdeter Personen', 'AUFTRAG NUR INTERN.');
  assert.ok((await endWorkingGroup(world.deps, katrin, ended.id, ended.revision)).ok);

  await holdSession(world);
  const minutes = async () =>
    openOrCreateMinutes(world.deps, (await committeeAndSession(world)).committee, await world.session(), PEOPLE.katrin);
  const topicItem = (await minutes()).items.find((item) => item.title === 'Ausbildungsabbrüche')!;
  const save = async (fields: Record<string, unknown>) => {
    const saved = await saveMinutesItem(
      world.deps,
      await committeeAndSession(world),
      PEOPLE.katrin,
      (await minutes()).version,
      topicItem.itemId,
      fields,
    );
    assert.ok(saved.ok, JSON.stringify(!saved.ok && saved.error));
  };
  await save({
    summary: 'INTERNE AUSSPRACHE: Frau Hoffmann hält die Zahlen für zu niedrig.',
    result: 'Die Zahlen werden erhoben; Sabine Hoffmann berichtet in der nächsten Sitzung.',
    [agreementField('new', 'text')]: 'Zahlen der Ausbildungsabbrüche vorlegen',
    [agreementField('new', 'responsible')]: PEOPLE.sabine,
    [agreementField('new', 'due')]: '2027-04-30',
  });
  const circulated = await circulateMinutes(
    world.deps,
    (await committeeAndSession(world)).committee,
    await world.session(),
    PEOPLE.katrin,
  );
  assert.ok(circulated.ok, JSON.stringify(circulated));
  const objected = await respondToMinutes(
    world.deps,
    await world.actor('birgit'),
    SESSION_1,
    (await minutes()).version,
    {
      answer_1: 'object',
      comment_1: 'EINWAND ZUR ZAHL der Abbrüche',
    },
  );
  assert.ok(objected.ok, JSON.stringify(objected));
  at('2027-02-20T09:00:00.000Z');
  const approved = await approveMinutes(
    world.deps,
    (await committeeAndSession(world)).committee,
    await world.session(),
    PEOPLE.katrin,
    { goAhead: NO_QUESTIONS, automatic: false },
  );
  assert.ok(approved.ok, JSON.stringify(approved));
  await save({ result: 'UNVERÖFFENTLICHTE BERICHTIGUNG des Ergebnisses.' });

  at('2027-03-01T09:00:00.000Z');
  const second = await world.session(SESSION_2);
  const access2 = async () => ({
    committee: (await committeeAndSession(world)).committee,
    session: await world.session(SESSION_2),
  });
  const added = await saveAgendaItem(world.deps, await access2(), PEOPLE.katrin, 0, '', {
    title: 'Berufsorientierung an Oberschulen',
    minutes: '30',
    kind: 'discussion',
    presenter: 'Lena Vogt',
  });
  assert.ok(added.ok, JSON.stringify(!added.ok && added.error));
  const published = await publishAgendaAsSecretariat(world.deps, katrin, second, NO_QUESTIONS);
  assert.ok(published.ok, JSON.stringify(!published.ok && published.error));
  const rsvp = await answerRsvp(world.deps, await world.actor('yusuf'), {
    sessionId: SESSION_2,
    personId: PEOPLE.yusuf,
    revision: (await world.session(SESSION_2)).revision,
    choice: 'delegate',
    delegateName: 'Gerda Stellmacher',
  });
  assert.ok(rsvp.ok, JSON.stringify(rsvp));

  const draft = await saveAgendaItem(
    world.deps,
    { committee: (await committeeAndSession(world)).committee, session: await world.session(SESSION_3) },
    PEOPLE.katrin,
    0,
    '',
    { title: 'ENTWURF NICHT VERÖFFENTLICHT', minutes: '20', kind: 'information' },
  );
  assert.ok(draft.ok, JSON.stringify(!draft.ok && draft.error));
  return world;
}

export { COMMITTEE, SESSION_1, TENANT };

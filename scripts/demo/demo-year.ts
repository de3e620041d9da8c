import { DateTime } from 'luxon';
import { publishAgendaAsSecretariat } from '../../src/app/agenda/publish-agenda';
import { submitTopic } from '../../src/app/agenda/submit-topic';
import type { SubmissionDocument } from '../../src/app/agenda/submission-document';
import { decideTopic } from '../../src/app/agenda/triage-topics';
import type { AgreementDocument } from '../../src/app/agreements/agreement-document';
import { changeActionStatus } from '../../src/app/agreements/change-action-item';
import type { AppDependencies } from '../../src/app/dependencies';
import type { CommitteeDocument, SeatDocument } from '../../src/app/documents';
import { committeeIdForHome } from '../../src/app/committees/committee-id';
import { actorIn, type Actor } from '../../src/app/identify-actor';
import { approveMinutes } from '../../src/app/minutes/approve-minutes';
import { circulateMinutes } from '../../src/app/minutes/circulate-minutes';
import { saveMinutesItem } from '../../src/app/minutes/edit-minutes';
import { openOrCreateMinutes } from '../../src/app/minutes/open-minutes';
import type { DocumentStore } from '../../src/app/ports/document-store';
import { seedCommittee } from '../../src/app/seed-committee';
import { recordAttendance } from '../../src/app/sessions/attendance';
import { sessionByNumber } from '../../src/app/sessions/find-session';
import { planSessions } from '../../src/app/sessions/plan-sessions';
import { endWorkingGroup } from '../../src/app/working-groups/end-working-group';
import { openWorkingGroupForm } from '../../src/app/working-groups/open-working-group-form';
import { saveWorkingGroup } from '../../src/app/working-groups/save-working-group';
import type { Clock } from '../../src/domain/clock';
import { COMMITTEE_DOCUMENT_ID } from '../../src/domain/ids';
import { agreementField } from '../../src/domain/minutes/minutes-item-edit';
import type { Result } from '../../src/domain/result';
import { parseSessionNumber } from '../../src/domain/sessions/session-number';
import { DEMO_TEAM, DEMO_TENANT_ID, kogDemo } from './kog-demo';
import { NO_QUESTIONS } from '../../src/domain/confirmation/go-ahead';

/** A clock the demo year moves by hand, from one step of the cycle to the next. */
class DemoClock implements Clock {
  private instant: DateTime;
  constructor(iso: string) {
    this.instant = DateTime.fromISO(iso, { zone: 'utc' });
  }
  now(): DateTime {
    return this.instant;
  }
  set(iso: string): void {
    this.instant = DateTime.fromISO(iso, { zone: 'utc' });
  }
}

const PEOPLE = {
  katrin: '6e6d0000-0000-4000-8000-0000000000a1',
  sabine: '6e6d0000-0000-4000-8000-0000000000b1',
  birgit: '6e6d0000-0000-4000-8000-0000000000c1',
  yusuf: '6e6d0000-0000-4000-8000-0000000000d1',
  lena: '6e6d0000-0000-4000-8000-0000000000e1',
} as const;

/** The moment the demo year's report is made: mid-June 2027, between the second and third session. */
export const DEMO_REPORT_MOMENT = '2027-06-15T08:00:00.000Z';

function must<T>(what: string, result: Result<T, unknown>): T {
  if (!result.ok) throw new Error(`The demo year failed at "${what}": ${JSON.stringify(result.error).slice(0, 300)}`);
  return result.value;
}

/**
 * The demo committee (see `kogDemo`) through the first half of 2027, made with the same use
 * cases the bot runs: the year planned, three temporary working groups, topics submitted by the
 * working group and a member and decided (taken up, merged, declined, deferred), sessions 2027/1
 * and 2027/2 held with attendance, their minutes approved with agreements, one of them done, one
 * ended group. Its clock then stands at `DEMO_REPORT_MOMENT`. For the user guide's picture of
 * the status report; every person is fictional.
 */
export async function demoYear(store: DocumentStore): Promise<AppDependencies> {
  const clock = new DemoClock('2026-11-20T09:00:00.000Z');
  const deps: AppDependencies = { store, clock };
  const committeeId = committeeIdForHome(DEMO_TENANT_ID, DEMO_TEAM);
  await seedCommittee(deps, kogDemo('http://localhost:56150/_connector'));
  const actor = (who: keyof typeof PEOPLE): Promise<Actor> =>
    actorIn(deps, { tenantId: DEMO_TENANT_ID, aadObjectId: PEOPLE[who], displayName: who }, committeeId);
  const session = async (number: string) => (await sessionByNumber(store, committeeId, parseSessionNumber(number)!))!;
  const committee = async () => (await store.get<CommitteeDocument>(committeeId, COMMITTEE_DOCUMENT_ID))!;
  const access = async (number: string) => ({ committee: await committee(), session: await session(number) });
  must('plan 2027', await planSessions(deps, await actor('katrin'), 2027));

  const group = async (name: string, mandate: string, startsOn: string, plannedEndOn: string, report: string) => {
    const form = must('group form', await openWorkingGroupForm(deps, await actor('katrin'), undefined));
    const saved = await saveWorkingGroup(deps, await actor('katrin'), {
      formId: 'formId' in form ? form.formId : undefined,
      input: { name, mandate, members: '', startsOn, plannedEndOn, reportSessionId: (await session(report)).id },
    });
    return must(`group ${name}`, saved).group;
  };
  const afghanistan = await group(
    'UAG Aufnahme gefährdeter Personen aus Afghanistan',
    'Wege in Ausbildung und Arbeit für aufgenommene Personen beschreiben.',
    '2026-10-01',
    '2027-03-31',
    '2027/1',
  );
  await group(
    'AG 3 Fachkräfteeinwanderungsgesetz',
    'Empfehlungen zur Umsetzung des Fachkräfteeinwanderungsgesetzes in Leipzig erarbeiten.',
    '2026-12-01',
    '2027-06-30',
    '2027/2',
  );
  await group(
    'AG 4 Berufschancen von Frauen mit Migrationsbiographie',
    'Hürden beim Einstieg in Ausbildung und Beruf benennen und Angebote bündeln.',
    '2027-01-15',
    '2027-12-31',
    '2027/3',
  );

  /** Submits a topic for the session and decides it; answers the submission's agenda item, if any. */
  const topic = async (
    who: keyof typeof PEOPLE,
    number: string,
    title: string,
    decision: Record<string, unknown>,
  ): Promise<string | undefined> => {
    const submitted = must(
      `submit ${title}`,
      await submitTopic(deps, await actor(who), { kind: 'topic', title, description: '' }, (await session(number)).id),
    ) as unknown as { submission: { id: string; revision: number } };
    const decided = must(
      `decide ${title}`,
      await decideTopic(deps, await actor('katrin'), submitted.submission.id, submitted.submission.revision, decision),
    );
    return decided.submission.decision?.itemId;
  };
  const accept = { decision: 'accept', presenter: 'Geschäftsstelle', minutes: '30', kind: 'discussion' };
  const dropouts = await topic('lena', '2027/1', 'Ausbildungsabbrüche bei Geflüchteten', accept);
  await topic('lena', '2027/1', 'Sprachförderung an Berufsschulen', accept);
  await topic('yusuf', '2027/1', 'Abbrüche im Handwerk', { decision: 'merge', mergeInto: dropouts });
  await topic('lena', '2027/1', 'Wohnraum für Auszubildende', {
    decision: 'decline',
    reason: 'Gehört in den Wohnungsausschuss.',
  });
  await topic('lena', '2027/1', 'Anerkennung ausländischer Berufsabschlüsse', { decision: 'defer' });

  /** Publishes the agenda, then records attendance once the session is over. */
  const hold = async (number: string, presence: Readonly<Record<string, [string, string]>>) => {
    must(
      `publish ${number}`,
      await publishAgendaAsSecretariat(deps, await actor('katrin'), await session(number), NO_QUESTIONS),
    );
    clock.set((await session(number)).endsAt);
    const seats = await store.query<SeatDocument>(committeeId, { type: 'seat' });
    const fields: Record<string, unknown> = {};
    for (const seat of seats) {
      const [how, name] = presence[seat.institution] ?? ['absent', ''];
      fields[`presence-${seat.id}`] = how;
      fields[`name-${seat.id}`] = name;
    }
    must(
      `attendance ${number}`,
      await recordAttendance(deps, await actor('katrin'), (await session(number)).id, 0, fields),
    );
  };
  /** Writes the minutes' agreements under the first item that is no standard item, circulates and approves. */
  const minutes = async (number: string, agreements: ReadonlyArray<[string, keyof typeof PEOPLE, string]>) => {
    const opened = await openOrCreateMinutes(deps, await committee(), await session(number), PEOPLE.katrin);
    const item = opened.items.find((candidate) => !candidate.standard)!;
    // The form sends every agreement it shows, and one new row.
    const rows: Record<string, unknown> = {};
    for (const [index, [text, who, due]] of agreements.entries()) {
      const head = await openOrCreateMinutes(deps, await committee(), await session(number), PEOPLE.katrin);
      const row = (part: Parameters<typeof agreementField>[1]) => agreementField('new', part);
      must(
        `minutes ${number}`,
        await saveMinutesItem(deps, await access(number), PEOPLE.katrin, head.version, item.itemId, {
          result: 'Das Gremium verständigt sich auf die folgenden Schritte.',
          ...rows,
          [row('text')]: text,
          [row('responsible')]: PEOPLE[who],
          [row('due')]: due,
        }),
      );
      rows[agreementField(index + 1, 'text')] = text;
      rows[agreementField(index + 1, 'responsible')] = PEOPLE[who];
      rows[agreementField(index + 1, 'due')] = due;
    }
    must(`circulate ${number}`, await circulateMinutes(deps, await committee(), await session(number), PEOPLE.katrin));
    clock.set(
      DateTime.fromISO((await session(number)).endsAt)
        .plus({ days: 9 })
        .toUTC()
        .toISO()!,
    );
    must(
      `approve ${number}`,
      await approveMinutes(deps, await committee(), await session(number), PEOPLE.katrin, {
        goAhead: NO_QUESTIONS,
        automatic: false,
      }),
    );
  };

  clock.set('2027-01-20T09:00:00.000Z');
  await hold('2027/1', {
    'Jobcenter Leipzig': ['inPerson', 'Thomas Richter'],
    'Agentur für Arbeit Leipzig': ['online', 'Birgit Lehmann'],
    'IHK zu Leipzig': ['inPerson', 'Yusuf Demir'],
  });
  await minutes('2027/1', [
    ['Zahlen zu Ausbildungsabbrüchen Geflüchteter vorlegen', 'sabine', '2027-04-30'],
    ['Sprachkursangebote an Berufsschulen erfassen', 'birgit', '2027-03-31'],
    ['Ausbildungsmesse mit den Kammern vorbereiten', 'yusuf', '2027-09-30'],
  ]);

  clock.set('2027-03-20T09:00:00.000Z');
  must('end group', await endWorkingGroup(deps, await actor('katrin'), afghanistan.id, afghanistan.revision));
  const agreements = await store.query<AgreementDocument>(committeeId, { type: 'agreement' });
  const status = async (institution: string, to: string) => {
    const item = agreements.find((agreement) => agreement.institution === institution)!;
    must(
      `status ${institution}`,
      await changeActionStatus(deps, await actor('katrin'), item.id, item.revision, { status: to, note: undefined }),
    );
  };
  await status('Agentur für Arbeit Leipzig', 'done');
  await status('Jobcenter Leipzig', 'inProgress');

  clock.set('2027-05-20T09:00:00.000Z');
  await topic('lena', '2027/2', 'Berufsorientierung an Oberschulen', accept);
  await topic('sabine', '2027/2', 'Mobilität im ländlichen Raum', { decision: 'defer' });
  const deferred = (await store.query<SubmissionDocument>(committeeId, { type: 'topicSubmission' })).find(
    (submission) => submission.content.title === 'Anerkennung ausländischer Berufsabschlüsse',
  )!;
  must('decide deferred', await decideTopic(deps, await actor('katrin'), deferred.id, deferred.revision, accept));
  await hold('2027/2', {
    'Jobcenter Leipzig': ['inPerson', 'Sabine Hoffmann'],
    'Agentur für Arbeit Leipzig': ['absent', ''],
    'IHK zu Leipzig': ['online', 'Yusuf Demir'],
  });
  await minutes('2027/2', [
    ['Leitfaden zur Anerkennung von Abschlüssen veröffentlichen', 'yusuf', '2027-07-31'],
    ['Praktikumsbörse für Oberschulen anstoßen', 'birgit', '2027-10-31'],
  ]);
  clock.set(DEMO_REPORT_MOMENT);
  return deps;
}

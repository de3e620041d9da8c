import assert from 'node:assert/strict';
import { committeeIdForHome } from '../../src/app/committees/committee-id';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { agreementDocumentId, type AgreementDocument } from '../../src/app/agreements/agreement-document';
import type { DispatchDocument } from '../../src/app/delivery/outbox-record';
import type { AppDependencies } from '../../src/app/dependencies';
import type { RosterDocument } from '../../src/app/roster/roster-document';
import type { MinutesDocument } from '../../src/app/minutes/minutes-document';
import { submissionDocumentId, type SubmissionDocument } from '../../src/app/agenda/submission-document';
import type { AgendaDocument } from '../../src/app/agenda/agenda-document';
import { sessionDocumentId, type SessionDocument } from '../../src/app/sessions/session-document';
import { withoutEtag, type DocumentStore } from '../../src/app/ports/document-store';
import { actorInTeam } from '../support/actors';
import { planSessions } from '../../src/app/sessions/plan-sessions';
import { setUpCommittee, KOG_TEAM } from '../app/sessions/session-fixtures';
import { ROSTER_DOCUMENT_ID, seatDocumentId } from '../../src/domain/ids';
import type { Role } from '../../src/domain/roles';
import { EmbeddedStore, EMBEDDED_STORE_FILE_NAME } from '../../src/infra/embedded-store';
import { approveAgreements, minutesWith } from '../app/agreements/agreement-fixtures';
import { AFTER_SESSION, holdSession } from '../app/minutes/minutes-world';
import { chatPerson, COMMITTEE, PEOPLE, SESSION_1, SessionWorld, type PersonKey } from '../app/sessions/session-world';
import { actionData, BotHarness, cardText, firstCard, type Person } from '../support/bot-harness';
import { VERBS } from '../../src/cards/verbs';
import { ManualClock } from '../support/manual-clock';
import { openTempStore } from '../support/temp-store';

export const SESSION_2 = sessionDocumentId(2027, 2);
export const SESSION_3 = sessionDocumentId(2027, 3);

/** The people the role tests act as: the session world's, a chair, and someone without a role. */
export const ACTORS = {
  katrin: { person: chatPerson('katrin'), roles: ['secretariat'] },
  claudia: {
    person: { id: '29:claudia', aadObjectId: 'c1a0d1a0-0000-0000-0000-000000000008', name: 'claudia' },
    roles: ['chair'],
  },
  sabine: { person: chatPerson('sabine'), roles: ['member'] },
  birgit: { person: chatPerson('birgit'), roles: ['member'] },
  yusuf: { person: chatPerson('yusuf'), roles: ['member'] },
  thomas: { person: chatPerson('thomas'), roles: ['deputy'] },
  yara: { person: chatPerson('yara'), roles: ['deputy'] },
  lena: { person: chatPerson('lena'), roles: ['workingGroup'] },
  nora: { person: { id: '29:nora', aadObjectId: '0a0a0a0a-0000-0000-0000-000000000009', name: 'nora' }, roles: [] },
} as const satisfies Record<string, { person: Person; roles: readonly Role[] }>;
export type ActorKey = keyof typeof ACTORS;

/** The tenant and committee of a second organisation in the same store. */
export const OTHER_TENANT = '99999999-8888-7777-6666-555555555555';
export const OTHER_COMMITTEE = committeeIdForHome(OTHER_TENANT, KOG_TEAM);

/**
 * A stored committee in mid-cycle, saved once as a template file and copied for each test so
 * that every case starts from the same state:
 * - 2027/1 held (agenda published, Thomas and Birgit attended), its minutes drafted and
 *   circulated to them, an agreement (action item) owned by Birgit;
 * - 2027/2 invited, with Lena's topic submitted for it;
 * - 2027/3 planned;
 * - a second committee (another tenant) with the same year planned and held, its own agreement.
 */
export class PermissionWorld {
  private constructor(private readonly templateDir: string) {}

  static async build(): Promise<PermissionWorld> {
    const temp = await openTempStore();
    const world = await SessionWorld.create(temp.store);
    await world.addPerson(ACTORS.claudia.person.aadObjectId, 'Claudia Chair', ['chair']);
    await world.addPerson(ACTORS.nora.person.aadObjectId, 'Nora Ohnerolle', []);
    await holdSession(world);
    await approveAgreements(
      world,
      minutesWith([
        { id: 'a1', responsibleId: PEOPLE.birgit, institution: 'Agentur für Arbeit Leipzig', dueDate: '2027-04-30' },
      ]),
    );
    const bot = new BotHarness(world.deps);
    const say = async (who: PersonKey, text: string, expected: RegExp) =>
      assert.match(cardText(firstCard(await bot.message(chatPerson(who), text))), expected, text);
    await say('katrin', 'protokoll', /Protokoll/);
    await say('katrin', 'protokoll versenden', /Versand/);
    const question = firstCard(await bot.message(chatPerson('katrin'), 'einladen 2027/2'));
    const confirm = actionData(question, VERBS.sessionInvite, { confirmed: true });
    assert.match(
      cardText(await bot.execute(chatPerson('katrin'), VERBS.sessionInvite, confirm)),
      /Einladung zur Sitzung 2027\/2 zum Versand vorgemerkt/,
    );
    await say('lena', 'thema: Ausbildungsabbrüche – Zahlen der Kammern', /Ausbildungsabbrüche/);

    await setUpOtherCommittee(world);
    await temp.store.close();
    return new PermissionWorld(temp.dataDir);
  }

  /** A fresh copy of the template: its own store, deps and bot, at the time after session 2027/1. */
  async open(): Promise<PermissionCase> {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'gremium-perm-'));
    await cp(this.templateDir, dataDir, { recursive: true });
    const store = await EmbeddedStore.open({ dataDir });
    const deps: AppDependencies = { store, clock: new ManualClock(AFTER_SESSION) };
    return new PermissionCase(dataDir, store, deps);
  }

  async dispose(): Promise<void> {
    await rm(this.templateDir, { recursive: true, force: true });
  }
}

/**
 * A second organisation's committee in the same store: set up and planned for 2028 by its own
 * secretariat, with an agreement and a topic submission whose ids exist nowhere in the first.
 */
async function setUpOtherCommittee(world: SessionWorld): Promise<void> {
  await setUpCommittee(world.deps, OTHER_TENANT, 'ANDERE');
  const secretariat = await actorInTeam(world.deps, {
    tenantId: OTHER_TENANT,
    aadObjectId: PEOPLE.katrin,
    displayName: 'Andere Geschäftsstelle',
  });
  assert.ok((await planSessions(world.deps, secretariat, 2028)).ok);
  const agreement = await world.store.query<AgreementDocument>(COMMITTEE, { type: 'agreement' });
  const submission = await world.store.query<SubmissionDocument>(COMMITTEE, { type: 'topicSubmission' });
  assert.ok(agreement[0] && submission[0]);
  await world.store.upsert<AgreementDocument>({
    ...withoutEtag(agreement[0]),
    id: OTHER.agreementId,
    committeeId: OTHER_COMMITTEE,
    sessionId: OTHER.sessionId,
  });
  await world.store.upsert<SubmissionDocument>({
    ...withoutEtag(submission[0]),
    id: OTHER.submissionId,
    committeeId: OTHER_COMMITTEE,
    sessionId: OTHER.sessionId,
  });
}

/** Ids that exist only in the other committee. */
export const OTHER = {
  sessionId: sessionDocumentId(2028, 1),
  agreementId: agreementDocumentId(sessionDocumentId(2028, 1), 'fremd'),
  submissionId: submissionDocumentId(sessionDocumentId(2028, 1), PEOPLE.lena, 'Fremdes Thema'),
} as const;

/** One case's copy of the world. */
export class PermissionCase {
  readonly bot: BotHarness;

  constructor(
    private readonly dataDir: string,
    readonly store: DocumentStore,
    readonly deps: AppDependencies,
  ) {
    this.bot = new BotHarness(deps);
  }

  /**
   * Every document of both committees except the remembered conversations (which every turn
   * refreshes by design), read straight from the file so that no document type is missed.
   */
  snapshot(): string {
    const db = new Database(path.join(this.dataDir, EMBEDDED_STORE_FILE_NAME), { readonly: true });
    try {
      const rows = db
        .prepare(
          `SELECT committee_id, id, etag, body FROM documents WHERE type != 'conversation' ORDER BY committee_id, id`,
        )
        .all();
      return JSON.stringify(rows);
    } finally {
      db.close();
    }
  }

  async session(id: string, committeeId = COMMITTEE): Promise<SessionDocument> {
    const session = await this.store.get<SessionDocument>(committeeId, id);
    assert.ok(session, id);
    return session;
  }

  async agreement(committeeId = COMMITTEE): Promise<AgreementDocument> {
    const [agreement] = await this.store.query<AgreementDocument>(committeeId, { type: 'agreement' });
    assert.ok(agreement, 'an agreement');
    return agreement;
  }

  async submission(): Promise<SubmissionDocument | undefined> {
    const [submission] = await this.store.query<SubmissionDocument>(COMMITTEE, { type: 'topicSubmission' });
    return submission;
  }

  async minutes(): Promise<MinutesDocument> {
    const [minutes] = (await this.store.query<MinutesDocument>(COMMITTEE, { type: 'minutes' })).filter(
      (doc) => doc.sessionId === SESSION_1,
    );
    assert.ok(minutes, 'minutes');
    return minutes;
  }

  async agenda(sessionId: string): Promise<AgendaDocument | undefined> {
    return (await this.store.query<AgendaDocument>(COMMITTEE, { type: 'agenda' })).find(
      (agenda) => agenda.sessionId === sessionId,
    );
  }

  async rosterRevision(): Promise<number> {
    return (await this.store.get<RosterDocument>(COMMITTEE, ROSTER_DOCUMENT_ID))?.revision ?? 0;
  }

  async dispatchId(): Promise<string> {
    const [dispatch] = await this.store.query<DispatchDocument>(COMMITTEE, { type: 'dispatch' });
    return dispatch?.dispatchId ?? 'none';
  }

  async close(): Promise<void> {
    await this.store.close();
    await rm(this.dataDir, { recursive: true, force: true });
  }
}

export const SEAT_AGENTUR = seatDocumentId('agentur');

import { mkdtemp, rm } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { PersonDocument, SeatDocument } from '../src/app/documents';
import { actorIn, type Actor, type ActorIdentity } from '../src/app/identify-actor';
import type { Logger } from '../src/app/ports/logger';
import type { DocumentStore } from '../src/app/ports/document-store';
import { saveSetup } from '../src/app/save-setup';
import { inviteAsSecretariat } from '../src/app/sessions/invite-to-session';
import { planSessions } from '../src/app/sessions/plan-sessions';
import type { RsvpDocument } from '../src/app/sessions/rsvp-document';
import { rsvpOverview } from '../src/app/sessions/rsvp-overview';
import { sessionDocumentId, type SessionDocument } from '../src/app/sessions/session-document';
import { VERBS } from '../src/cards/verbs';
import { fixedClock } from '../src/domain/clock';
import { DEFAULT_COMMITTEE_SETTINGS, type CommitteeHome } from '../src/domain/committee';
import { personDocumentId, seatDocumentId } from '../src/domain/ids';
import { committeeIdForHome } from '../src/app/committees/committee-id';
import type { Role } from '../src/domain/roles';
import type { RsvpChoice } from '../src/domain/sessions/rsvp';
import { EmbeddedStore } from '../src/infra/embedded-store';
import { loadConfig } from '../src/server/config';
import { startGremiumServer } from '../src/server/gremium-server';
import { defaultSetupAnswers } from '../test/support/setup-answers';
import { NO_QUESTIONS } from '../src/domain/confirmation/go-ahead';
import { startEchoBot } from './echo-bot';

export const TENANT = '0b0b0b0b-0000-4000-8000-000000000001';
/** The team the benchmark's committee lives in. */
export const HOME: CommitteeHome = { kind: 'team', id: '19:bench-team@thread.tacv2', title: 'Bench' };
export const COMMITTEE = committeeIdForHome(TENANT, HOME);
export const SECRETARIAT = '0b0b0b0b-0000-4000-8000-00000000000a';
export const SESSION = sessionDocumentId(2027, 1);
/** Session 2027/1 falls in February 2027; answers close at noon the day before, so they are open now. */
export const NOW = '2026-11-21T10:00:00Z';
/** Mixed answers, a quarter each; `delegate` also carries the typed-in colleague's name. */
const CHOICES = ['inPerson', 'online', 'declined', 'delegate'] as const satisfies readonly RsvpChoice[];
const ADAPTIVE_CARD = 'application/vnd.microsoft.card.adaptive';

/** Latency of one side, in milliseconds, from sending the request to the last byte of the answer. */
export interface LatencyFigures {
  readonly requests: number;
  /** Requests that failed, answered other than 200, or without an Adaptive Card in the body. */
  readonly errors: number;
  /** Errors the server logged while answering (turn failures, request failures). */
  readonly loggedErrors: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly maxMs: number;
  /** From the first request sent to the last answer received. */
  readonly wallMs: number;
  /**
   * Calls the turns made to the Bot Framework connector (the local stand-in at `serviceUrl`).
   * Both answer in the invoke response only, so none are expected.
   */
  readonly connectorCalls: number;
}

export interface RsvpAnswersResult {
  readonly name: string;
  readonly members: number;
  /** How the stack authenticated the requests. */
  readonly auth: string;
  readonly gremium: LatencyFigures;
  readonly echo: LatencyFigures;
  /** Gremium's latency over the echo bot's, on the same machine in the same run. */
  readonly ratioP50: number;
  readonly ratioP99: number;
  /** RSVP documents in the store for the session after the run. */
  readonly stored: number;
  /** Members whose answer is not stored, or stored with another choice. */
  readonly lost: number;
  /** Documents beyond one per member. */
  readonly duplicated: number;
  /** Documents of people who did not answer (the warm-up's outsiders must leave none). */
  readonly unexpected: number;
  readonly tallyExact: boolean;
  /** The overview's count per seat status, and what the choices sent make of it. */
  readonly tally: Readonly<Record<string, number>>;
  readonly expectedTally: Readonly<Record<string, number>>;
  /** Whether every answer arrived, once, exactly, without any error. */
  readonly ok: boolean;
}

export interface Sample {
  readonly started: number;
  readonly ms: number;
  readonly error?: string;
}

/**
 * `members` people of one committee answer their invitation at the same moment, each with an
 * Action.Execute click POSTed over HTTP to the real server (restify, the Teams adapter, the
 * teams-ai Application, the use case, the embedded store). The same clicks then go to an echo bot
 * built from the same HTTP server and adapter, which answers with a fixed card and no store, so
 * the ratio is what Gremium's own work costs. Local mode (LOCAL_MODE=true), so no token validation on
 * either side.
 */
export async function rsvpAnswers(members = 200): Promise<RsvpAnswersResult> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'gremium-bench-rsvp-'));
  const config = loadConfig({ PORT: '0', DATA_DIR: dataDir, LOCAL_MODE: 'true' });
  if (!config.localMode) throw new Error('the RSVP benchmark runs the server in local mode');
  const clock = fixedClock(NOW);
  const store = await EmbeddedStore.open({ dataDir });
  const deps = { store, clock };
  const choices = Array.from({ length: members }, (_, index) => CHOICES[index % CHOICES.length]!);
  const connector = await startConnectorStandIn();
  try {
    const revision = await seedInvitedCommittee(store, deps, members);
    const activities = choices.map((choice, index) =>
      rsvpClick(connector.url, memberId(index), index, revision, choice),
    );
    const warmUp = warmUpClicks(connector.url, revision);

    const echoLogger = countingLogger();
    const echo = await startEchoBot({ registration: config.bot, logger: echoLogger, port: 0, host: '127.0.0.1' });
    let echoFigures: LatencyFigures;
    try {
      await fire(echo.url, warmUp);
      const before = connector.calls();
      echoFigures = figures(await fire(echo.url, activities), echoLogger.errors(), connector.calls() - before);
    } finally {
      await echo.stop();
    }

    const logger = countingLogger();
    const server = await startGremiumServer({ config, store, clock, logger, background: false });
    let gremiumFigures: LatencyFigures;
    let check: Awaited<ReturnType<typeof checkAnswers>>;
    try {
      // People outside the committee: the same route and reads, refused, nothing stored.
      await fire(server.http.url, warmUp);
      const before = connector.calls();
      gremiumFigures = figures(await fire(server.http.url, activities), logger.errors(), connector.calls() - before);
      check = await checkAnswers(deps, choices);
    } finally {
      // Closes the store as well.
      await server.stop(5000);
    }

    const ok =
      gremiumFigures.errors + gremiumFigures.loggedErrors + echoFigures.errors + echoFigures.loggedErrors === 0 &&
      check.lost === 0 &&
      check.duplicated === 0 &&
      check.unexpected === 0 &&
      check.stored === members &&
      check.tallyExact;
    return {
      name: `${members} members answering an invitation at once over HTTP`,
      members,
      auth: 'local mode (LOCAL_MODE=true, no token validation)',
      gremium: gremiumFigures,
      echo: echoFigures,
      ratioP50: ratio(gremiumFigures.p50Ms, echoFigures.p50Ms),
      ratioP99: ratio(gremiumFigures.p99Ms, echoFigures.p99Ms),
      ...check,
      ok,
    };
  } finally {
    await connector.close();
    await store.close().catch(() => undefined);
    await rm(dataDir, { recursive: true, force: true });
  }
}

/**
 * The committee as its secretariat builds it: set up through the set-up card's use case, one
 * seat per member, `year` (2027 unless given) planned and its first session invited. Returns the
 * session's revision, which the invitation cards carry.
 */
export async function seedInvitedCommittee(
  store: DocumentStore,
  deps: { store: DocumentStore; clock: ReturnType<typeof fixedClock> },
  members: number,
  year = 2027,
): Promise<number> {
  const identity: ActorIdentity = { tenantId: TENANT, aadObjectId: SECRETARIAT, displayName: 'Geschäftsstelle' };
  // Set up in its team, then acting from the personal chat as the secretariat does.
  const secretariat = (): Promise<Actor> => actorIn(deps, identity, COMMITTEE);
  const setUp = await saveSetup(deps, await actorIn(deps, identity, COMMITTEE, { kind: 'unclaimed', home: HOME }), {
    revision: 0,
    answers: defaultSetupAnswers(DEFAULT_COMMITTEE_SETTINGS.name, DEFAULT_COMMITTEE_SETTINGS.shortName),
  });
  if (!setUp.ok) throw new Error(`set-up refused: ${JSON.stringify(setUp.error)}`);
  for (let index = 0; index < members; index += 1) {
    const id = memberId(index);
    const roles: Role[] = ['member'];
    await store.upsert<PersonDocument>({
      id: personDocumentId(id),
      committeeId: COMMITTEE,
      type: 'person',
      aadObjectId: id,
      displayName: `Mitglied ${index}`,
      roles,
      active: true,
    });
    await store.upsert<SeatDocument>({
      id: seatDocumentId(`bench-${index}`),
      committeeId: COMMITTEE,
      type: 'seat',
      institution: `Institution ${String(index).padStart(3, '0')}`,
      memberId: id,
    });
  }
  const planned = await planSessions(deps, await secretariat(), year);
  if (!planned.ok) throw new Error(`planning refused: ${JSON.stringify(planned.error)}`);
  const sessionId = sessionDocumentId(year, 1);
  const session = await store.get<SessionDocument>(COMMITTEE, sessionId);
  if (!session) throw new Error(`planning did not create ${sessionId}`);
  const invited = await inviteAsSecretariat(deps, await secretariat(), session, NO_QUESTIONS);
  if (!invited.ok) throw new Error(`invitation refused: ${JSON.stringify(invited.error)}`);
  if (invited.value.invited !== members) throw new Error(`invited ${invited.value.invited} of ${members}`);
  return invited.value.session.revision;
}

/**
 * What the store and the secretariat's overview hold afterwards, against the choices sent: the
 * n-th choice is member n's latest answer to `sessionId` (session 2027/1 unless given).
 */
export async function checkAnswers(
  deps: { store: DocumentStore; clock: ReturnType<typeof fixedClock> },
  choices: readonly RsvpChoice[],
  sessionId = SESSION,
) {
  const records = await deps.store.query<RsvpDocument>(COMMITTEE, { type: 'rsvp' });
  const byPerson = new Map<string, RsvpDocument[]>();
  for (const record of records) byPerson.set(record.personId, [...(byPerson.get(record.personId) ?? []), record]);
  const lost = choices.filter((choice, index) => {
    const mine = byPerson.get(memberId(index));
    return !mine?.some(
      (record) =>
        record.sessionId === sessionId &&
        record.choice === choice &&
        (choice !== 'delegate' || record.delegateName === delegateName(index)),
    );
  }).length;
  const duplicated = records.length - byPerson.size;
  const answering = new Set(choices.map((_, index) => memberId(index)));
  const unexpected = records.filter((record) => !answering.has(record.personId)).length;

  const expectedTally: Record<string, number> = {};
  for (const choice of choices) {
    const kind =
      choice === 'inPerson' || choice === 'online'
        ? `attending:${choice}`
        : choice === 'delegate'
          ? 'delegated'
          : 'declined';
    expectedTally[kind] = (expectedTally[kind] ?? 0) + 1;
  }
  expectedTally.represented = choices.filter((choice) => choice !== 'declined').length;
  expectedTally.unanswered = 0;

  const session = await deps.store.get<SessionDocument>(COMMITTEE, sessionId);
  const overview = await rsvpOverview(
    deps,
    await actorIn(deps, { tenantId: TENANT, aadObjectId: SECRETARIAT, displayName: 'Geschäftsstelle' }, COMMITTEE),
    session!,
  );
  if (!overview.ok) throw new Error(`overview refused: ${JSON.stringify(overview.error)}`);
  const tally: Record<string, number> = {};
  let seatsMatching = 0;
  for (const line of overview.value.lines) {
    const kind = line.status.kind === 'attending' ? `attending:${line.status.mode}` : line.status.kind;
    tally[kind] = (tally[kind] ?? 0) + 1;
    const index = memberIndex(line.seatId);
    const choice = index === undefined ? undefined : choices[index];
    const expected =
      choice === 'inPerson' || choice === 'online'
        ? `attending:${choice}`
        : choice === 'delegate'
          ? 'delegated'
          : choice;
    if (
      kind === expected &&
      (line.status.kind !== 'attending' || line.status.by === 'member') &&
      (line.status.kind !== 'delegated' || line.status.delegateName === delegateName(index!))
    )
      seatsMatching += 1;
  }
  tally.represented = overview.value.represented;
  tally.unanswered = overview.value.unanswered;
  const sameCounts = JSON.stringify(sorted(tally)) === JSON.stringify(sorted(expectedTally));
  return {
    stored: records.length,
    lost,
    duplicated,
    unexpected,
    tallyExact: sameCounts && seatsMatching === choices.length && overview.value.lines.length === choices.length,
    tally: sorted(tally),
    expectedTally: sorted(expectedTally),
  };
}

/** Sends every activity at once; each sample is one request's time until its body was read. */
export async function fire(url: string, activities: readonly string[]): Promise<Sample[]> {
  return Promise.all(activities.map((body) => click(url, body)));
}

/** One click POSTed to the bot; its time until the answer's body was read, and what was wrong with it. */
export async function click(url: string, body: string): Promise<Sample> {
  const started = performance.now();
  try {
    const response = await fetch(`${url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    });
    const text = await response.text();
    const ms = performance.now() - started;
    if (response.status !== 200) return { started, ms, error: `status ${response.status}: ${text.slice(0, 200)}` };
    const answer = JSON.parse(text) as { type?: string; value?: { type?: string } };
    if (answer.type !== ADAPTIVE_CARD || answer.value?.type !== 'AdaptiveCard')
      return { started, ms, error: `no card: ${text.slice(0, 200)}` };
    return { started, ms };
  } catch (error) {
    return { started, ms: performance.now() - started, error: error instanceof Error ? error.message : String(error) };
  }
}

export function figures(samples: readonly Sample[], loggedErrors: number, connectorCalls: number): LatencyFigures {
  const times = samples.map((sample) => sample.ms).sort((a, b) => a - b);
  const errors = samples.filter((sample) => sample.error);
  const firstSent = Math.min(...samples.map((sample) => sample.started));
  const lastAnswered = Math.max(...samples.map((sample) => sample.started + sample.ms));
  if (errors.length > 0) process.stderr.write(`first error: ${errors[0]!.error}\n`);
  return {
    requests: samples.length,
    errors: errors.length,
    loggedErrors,
    p50Ms: round(percentile(times, 50)),
    p99Ms: round(percentile(times, 99)),
    maxMs: round(times.at(-1) ?? 0),
    wallMs: round(lastAnswered - firstSent),
    connectorCalls,
  };
}

/** Nearest rank: the smallest time that at least p % of the requests did not exceed. */
export function percentile(sortedTimes: readonly number[], p: number): number {
  return sortedTimes[Math.max(0, Math.ceil((p / 100) * sortedTimes.length) - 1)] ?? 0;
}

/**
 * A stand-in for the Bot Framework connector that accepts every call at once and counts them:
 * an answer is returned to the clicker in the invoke response, so it should make none.
 */
export async function startConnectorStandIn(): Promise<{
  url: string;
  calls: () => number;
  close: () => Promise<void>;
}> {
  let calls = 0;
  const server = http.createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      calls += 1;
      response.setHeader('content-type', 'application/json');
      response.end(JSON.stringify({ id: `updated-${calls}` }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    calls: () => calls,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * A member's click on their invitation card, as Teams POSTs it to the bot: `replyToId` is the
 * message that holds the card, which the answer replaces.
 */
export function rsvpClick(
  serviceUrl: string,
  personId: string,
  index: number,
  revision: number,
  choice: RsvpChoice,
  sessionId = SESSION,
  calendarToken?: string,
): string {
  const data = {
    verb: VERBS.rsvpAnswer,
    committeeId: COMMITTEE,
    sessionId,
    personId,
    revision,
    choice,
    ...(choice === 'delegate' ? { delegateName: delegateName(index) } : {}),
    // What the card the member clicks carries back: the calendar link it shows.
    ...(calendarToken ? { calendarToken } : {}),
  };
  return JSON.stringify({
    type: 'invoke',
    name: 'adaptiveCard/action',
    id: `bench-${index}`,
    timestamp: new Date().toISOString(),
    replyToId: `1:invitation-${index}`,
    channelId: 'msteams',
    serviceUrl,
    locale: 'de-DE',
    from: { id: `29:bench-${index}`, aadObjectId: personId, name: `Mitglied ${index}` },
    recipient: { id: '28:gremium-bench', name: 'Gremium' },
    conversation: { id: `a:bench-${index}`, conversationType: 'personal', tenantId: TENANT },
    channelData: { tenant: { id: TENANT } },
    value: { action: { type: 'Action.Execute', verb: VERBS.rsvpAnswer, data } },
  });
}

/** Twenty clicks by people outside the committee, to warm up connections and code paths. */
export function warmUpClicks(serviceUrl: string, revision: number): string[] {
  return Array.from({ length: 20 }, (_, index) =>
    rsvpClick(
      serviceUrl,
      `0c0c0c0c-0000-4000-8000-${String(index).padStart(12, '0')}`,
      10_000 + index,
      revision,
      'inPerson',
    ),
  );
}

export function countingLogger(): Logger & { errors: () => number } {
  let errors = 0;
  return {
    debug: () => undefined,
    info: () => undefined,
    warn: () => undefined,
    error: (fields: object, message?: string) => {
      errors += 1;
      if (errors === 1)
        process.stderr.write(
          `server logged: ${message ?? ''} ${String((fields as { err?: { stack?: string } }).err?.stack ?? '')}\n`,
        );
    },
    errors: () => errors,
  };
}

export function memberId(index: number): string {
  return `0b0b0b0b-0000-4000-8000-${String(100_000 + index).padStart(12, '0')}`;
}

function memberIndex(seatId: string): number | undefined {
  const match = /^seat-bench-(\d+)$/.exec(seatId);
  return match ? Number(match[1]) : undefined;
}

function delegateName(index: number): string {
  return `Vertretung ${index}`;
}

function sorted(counts: Readonly<Record<string, number>>): Record<string, number> {
  return Object.fromEntries(Object.entries(counts).sort(([a], [b]) => a.localeCompare(b)));
}

export function ratio(value: number, baseline: number): number {
  return baseline > 0 ? Math.round((value / baseline) * 1000) / 1000 : 0;
}

export function round(ms: number): number {
  return Math.round(ms * 10) / 10;
}

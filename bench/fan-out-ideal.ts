import { ConnectorDouble } from '../test/support/connector-double';
import { fanOut, GLOBAL_PER_SECOND } from './fan-out';

/** Median and spread of repeated runs, in milliseconds. */
export interface Spread {
  readonly median: number;
  readonly min: number;
  readonly max: number;
}

export interface IdealSendResult {
  readonly elapsedMs: number;
  readonly lost: number;
  readonly duplicated: number;
  readonly connectorAnswers: Record<number, number>;
}

export interface FanOutIdealResult {
  readonly name: string;
  readonly recipients: number;
  readonly runs: number;
  readonly injectedTransientRate: number;
  /** Gremium without faults, divided by the ideal sender, medians of the same run. */
  readonly cleanRatio: number;
  /** Gremium with injected 429/503, divided by the ideal sender without faults. */
  readonly faultRatio: number;
  readonly gremiumCleanMs: Spread;
  readonly idealMs: Spread;
  readonly gremiumFaultMs: Spread;
  /**
   * For the explanation only: the ideal sender meeting the same injected faults as Gremium (429
   * retried after its Retry-After, 503 at once), which shows what the faults cost any sender.
   */
  readonly idealFaultMs: Spread;
  /** Summed over every run and every sender; both must stay 0. */
  readonly lost: number;
  readonly duplicated: number;
  /** The connector's answers by status, summed over the runs of each sender. */
  readonly connectorAnswers: {
    readonly ideal: Record<number, number>;
    readonly idealFault: Record<number, number>;
    readonly gremiumClean: Record<number, number>;
    readonly gremiumFault: Record<number, number>;
  };
  readonly ok: boolean;
}

export interface FanOutIdealOptions {
  readonly recipients?: number;
  readonly runs?: number;
}

const INJECTED_TRANSIENT_RATE = 0.1;
const WINDOW_MS = 1_000;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * The best a sender can do against the connector double's limits: no store, no pacing margin, a
 * message straight to each conversation, as many in flight as the app's budget of 50 per second
 * allows, in bursts. It counts an accepted send in its window from the moment the answer arrives,
 * which is never earlier than the double's own stamp, so it is never throttled by the double; an
 * injected 429 is retried after its Retry-After, a 503 at once.
 */
export async function idealSend(connector: ConnectorDouble, recipients: number): Promise<IdealSendResult> {
  const next = { index: 0 };
  const acceptedAt: number[] = [];
  let inFlight = 0;

  const acceptedInWindow = (now: number): number => {
    while (acceptedAt.length > 0 && acceptedAt[0]! + WINDOW_MS <= now) acceptedAt.shift();
    return acceptedAt.length;
  };
  /** Waits until one more request fits the budget, and takes it. */
  const takeSlot = async (): Promise<void> => {
    for (;;) {
      const now = performance.now();
      if (acceptedInWindow(now) + inFlight < GLOBAL_PER_SECOND) {
        inFlight += 1;
        return;
      }
      await sleep(Math.max(1, Math.ceil(acceptedAt[0]! + WINDOW_MS - now)));
    }
  };
  const post = async (index: number): Promise<void> => {
    const url = `${connector.url}/v3/conversations/${encodeURIComponent(`a:person-${index}`)}/activities`;
    for (;;) {
      await takeSlot();
      let status: number;
      let retryAfter: string | null;
      try {
        const response = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ type: 'message', text: `Einladung zur Sitzung 2027/1 an Person ${index}` }),
        });
        status = response.status;
        retryAfter = response.headers.get('retry-after');
        await response.arrayBuffer();
      } finally {
        inFlight -= 1;
      }
      if (status >= 200 && status < 300) {
        acceptedAt.push(performance.now());
        return;
      }
      if (status === 429) await sleep(Number(retryAfter ?? '1') * 1_000);
      else if (status !== 503) throw new Error(`the connector double answered ${status}`);
    }
  };
  const worker = async (): Promise<void> => {
    while (next.index < recipients) await post(next.index++);
  };

  const started = performance.now();
  await Promise.all(Array.from({ length: Math.min(GLOBAL_PER_SECOND, recipients) }, worker));
  const elapsedMs = performance.now() - started;
  const perConversation = connector.deliveredPerConversation();
  return {
    elapsedMs: Math.round(elapsedMs),
    lost: recipients - perConversation.size,
    duplicated: [...perConversation.values()].reduce((sum, count) => sum + count - 1, 0),
    connectorAnswers: connector.requests(),
  };
}

function spread(values: readonly number[]): Spread {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
  return { median: Math.round(median), min: sorted[0]!, max: sorted[sorted.length - 1]! };
}

function addAnswers(total: Record<number, number>, answers: Record<number, number>): void {
  for (const [status, count] of Object.entries(answers)) total[Number(status)] = (total[Number(status)] ?? 0) + count;
}

const ratio = (numerator: number, denominator: number) => Math.round((numerator / denominator) * 1000) / 1000;

/**
 * Gremium's fan-out against the ideal sender on the same connector double, in the same process
 * and run: each round runs the ideal sender without and with faults, Gremium without faults and
 * Gremium with 10 % injected 429/503 (the same fault seed for both senders, a different one each
 * round), so load on the machine falls on all of them alike.
 * Medians of the rounds, with their spread.
 */
export async function fanOutIdeal(options: FanOutIdealOptions = {}): Promise<FanOutIdealResult> {
  const recipients = options.recipients ?? 200;
  const runs = options.runs ?? 5;
  const ideal: number[] = [];
  const clean: number[] = [];
  const faulty: number[] = [];
  const idealFaulty: number[] = [];
  let lost = 0;
  let duplicated = 0;
  const connectorAnswers = { ideal: {}, idealFault: {}, gremiumClean: {}, gremiumFault: {} };
  for (let run = 0; run < runs; run += 1) {
    for (const [times, answers, transientRate] of [
      [ideal, connectorAnswers.ideal, 0],
      [idealFaulty, connectorAnswers.idealFault, INJECTED_TRANSIENT_RATE],
    ] as const) {
      const connector = await ConnectorDouble.start({
        globalPerSecond: GLOBAL_PER_SECOND,
        ...(transientRate > 0 ? { inject: { transientRate, seed: 42 + run } } : {}),
      });
      try {
        const result = await idealSend(connector, recipients);
        times.push(result.elapsedMs);
        lost += result.lost;
        duplicated += result.duplicated;
        addAnswers(answers, result.connectorAnswers);
      } finally {
        await connector.close();
      }
    }
    const gremiumClean = await fanOut('fan-out against the ideal sender, no faults', 0, { recipients });
    clean.push(gremiumClean.elapsedMs);
    const gremiumFault = await fanOut('fan-out against the ideal sender, 10 % faults', INJECTED_TRANSIENT_RATE, {
      recipients,
      seed: 42 + run,
    });
    faulty.push(gremiumFault.elapsedMs);
    for (const result of [gremiumClean, gremiumFault]) {
      lost += result.lost;
      duplicated += result.duplicated;
    }
    addAnswers(connectorAnswers.gremiumClean, gremiumClean.connectorAnswers);
    addAnswers(connectorAnswers.gremiumFault, gremiumFault.connectorAnswers);
  }
  const idealMs = spread(ideal);
  const gremiumCleanMs = spread(clean);
  const gremiumFaultMs = spread(faulty);
  return {
    name: `fan-out to ${recipients} against an ideal sender on the same connector double`,
    recipients,
    runs,
    injectedTransientRate: INJECTED_TRANSIENT_RATE,
    cleanRatio: ratio(gremiumCleanMs.median, idealMs.median),
    faultRatio: ratio(gremiumFaultMs.median, idealMs.median),
    gremiumCleanMs,
    idealMs,
    gremiumFaultMs,
    idealFaultMs: spread(idealFaulty),
    lost,
    duplicated,
    connectorAnswers,
    ok: lost === 0 && duplicated === 0,
  };
}

/**
 * The load generator of the latency benchmarks, a process of its own: neither measured server
 * shares its event loop or its CPU time with the clients, so nothing the clients cost lands in
 * one side of a ratio only. The benchmark forks it (`node dist/bench/load-generator.js`) and sends
 * it one job at a time over IPC; it answers each with the time of every measured request.
 */

/** One request: a Bot Framework activity and the `authorization` header to send it with, if any. */
export interface LoadRequest {
  readonly body: string;
  readonly authorization?: string;
}

export interface LoadJob {
  readonly url: string;
  /** How many clients send at once; each sends its next request when its last was answered. */
  readonly clients: number;
  /** Sent first, the same way, and not timed: connections, caches and JIT warm on the measured path. */
  readonly warmUp: readonly LoadRequest[];
  readonly measured: readonly LoadRequest[];
  /** Text every answer's card must hold, or the request counts as an error. */
  readonly expectText: string;
}

export interface LoadSample {
  /** From sending the request until the answer's body was read. */
  readonly ms: number;
  readonly error?: string;
  /** The calendar link's token the answered card carries, for the member's next click on it. */
  readonly calendarToken?: string;
}

export interface LoadReport {
  readonly warmUpErrors: readonly string[];
  readonly samples: readonly LoadSample[];
}

const ADAPTIVE_CARD = 'application/vnd.microsoft.card.adaptive';

/**
 * The calendar link's token a card answered by the bot carries in its buttons' data (see
 * `renderInvitationCard`), for the member's next click on that card, as Teams sends it back;
 * undefined when the card shows none.
 */
export function carriedCalendarToken(answer: unknown): string | undefined {
  const text = typeof answer === 'string' ? answer : JSON.stringify(answer);
  return /"calendarToken":"([A-Za-z0-9_-]+)"/.exec(text)?.[1];
}

/** Sends the warm-up, then the measured requests, each with `clients` in flight at a time. */
export async function runLoad(job: LoadJob): Promise<LoadReport> {
  const warmUp = await withClients(job, job.warmUp);
  const samples = await withClients(job, job.measured);
  return {
    warmUpErrors: warmUp.filter((sample) => sample.error).map((sample) => sample.error!),
    samples,
  };
}

/** A closed loop: `clients` workers take the next request from a shared list until it is empty. */
async function withClients(job: LoadJob, requests: readonly LoadRequest[]): Promise<LoadSample[]> {
  const samples: LoadSample[] = new Array<LoadSample>(requests.length);
  let next = 0;
  const client = async () => {
    while (next < requests.length) {
      const index = next;
      next += 1;
      samples[index] = await send(job.url, requests[index]!, job.expectText);
    }
  };
  await Promise.all(Array.from({ length: Math.min(job.clients, requests.length) }, client));
  return samples;
}

/** One invoke POSTed to the bot: 200 with an Adaptive Card holding `expectText`, or an error. */
export async function send(url: string, request: LoadRequest, expectText: string): Promise<LoadSample> {
  const started = performance.now();
  try {
    const response = await fetch(`${url}/api/messages`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(request.authorization ? { authorization: request.authorization } : {}),
      },
      body: request.body,
    });
    const text = await response.text();
    const ms = performance.now() - started;
    if (response.status !== 200) return { ms, error: `status ${response.status}: ${text.slice(0, 200)}` };
    const answer = JSON.parse(text) as { type?: string; value?: { type?: string } };
    if (answer.type !== ADAPTIVE_CARD || answer.value?.type !== 'AdaptiveCard')
      return { ms, error: `no card: ${text.slice(0, 200)}` };
    if (!text.includes(expectText)) return { ms, error: `not the expected card: ${text.slice(0, 300)}` };
    const calendarToken = carriedCalendarToken(text);
    return calendarToken ? { ms, calendarToken } : { ms };
  } catch (error) {
    return { ms: performance.now() - started, error: error instanceof Error ? error.message : String(error) };
  }
}

if (require.main === module && process.send) {
  process.on('message', (job: LoadJob) => {
    runLoad(job).then(
      (report) => process.send!({ ok: true, report }),
      (error: unknown) => process.send!({ ok: false, error: error instanceof Error ? error.stack : String(error) }),
    );
  });
  // The parent closes the channel when it is done; then there is nothing left to do.
  process.on('disconnect', () => process.exit(0));
}

/**
 * A sliding-window limit: at most `limit` sends within any `windowMs`.
 */
export interface RateWindow {
  readonly limit: number;
  readonly windowMs: number;
}

/** Teams' documented limits per bot and conversation: 7 per 1 s, 8 per 2 s, 60 per 30 s, 1800 per hour. */
export const TEAMS_PER_CONVERSATION_WINDOWS: readonly RateWindow[] = [
  { limit: 7, windowMs: 1000 },
  { limit: 8, windowMs: 2000 },
  { limit: 60, windowMs: 30_000 },
  { limit: 1800, windowMs: 3_600_000 },
];

/** A send slot taken by `tryAcquire`; give it back with `answered` when Teams has answered. */
export interface SendSlot {
  readonly conversationId: string;
}

/**
 * Paces proactive sends so that Teams does not have to throttle them: per conversation with
 * Teams' windows, and globally with the app's budget per tenant (about 50 per second). It only
 * computes; the caller waits. Time is passed in as milliseconds, so it runs the same in tests.
 *
 * A send counts from the moment it leaves until its answer arrives (in flight), and from then in
 * every window as if it had reached Teams at that moment. Teams counts a request when it arrives,
 * which is never later than its answer, so a window counted from the answer ends after Teams'
 * own: the whole budget can go out at once (a burst of 50 at each window) and no late request
 * lands in a full window. Every answered request counts, refused ones too, as Teams may have
 * counted them.
 */
export class SendRateLimiter {
  /** Answer times, ascending, of the sends per conversation and of all sends. */
  private readonly answeredPerConversation = new Map<string, number[]>();
  private readonly answeredGlobally: number[] = [];
  private readonly inFlightPerConversation = new Map<string, number>();
  private inFlightGlobally = 0;
  private readonly pausedUntil = new Map<string, number>();
  private globalPauseUntil = 0;

  private readonly globalWindow: RateWindow;
  private readonly conversationWindows: readonly RateWindow[];

  /**
   * `marginMs` widens every window, for whatever Teams' counting may lag behind its answer
   * (clocks of several front ends).
   */
  constructor(
    globalWindow: RateWindow = { limit: 50, windowMs: 1000 },
    conversationWindows: readonly RateWindow[] = TEAMS_PER_CONVERSATION_WINDOWS,
    marginMs = 0,
  ) {
    this.globalWindow = { ...globalWindow, windowMs: globalWindow.windowMs + marginMs };
    this.conversationWindows = conversationWindows.map((window) => ({
      ...window,
      windowMs: window.windowMs + marginMs,
    }));
  }

  /**
   * The earliest instant (ms) at which a send into this conversation stays within every limit,
   * or `undefined` while sends in flight fill a limit: only their answers can tell when it frees.
   */
  earliestSendAt(conversationId: string, nowMs: number): number | undefined {
    const inFlightHere = this.inFlightPerConversation.get(conversationId) ?? 0;
    const global = earliestWithin(this.answeredGlobally, [this.globalWindow], this.inFlightGlobally, nowMs);
    if (global === undefined) return undefined;
    const at = Math.max(global, this.globalPauseUntil, this.pausedUntil.get(conversationId) ?? 0);
    const answeredHere = this.answeredPerConversation.get(conversationId) ?? [];
    const here = earliestWithin(answeredHere, this.conversationWindows, inFlightHere, at);
    if (here === undefined) return undefined;
    // Waiting for this conversation cannot fill the global budget, which only frees up with time.
    return here;
  }

  /** Takes a send slot now if one is free; undefined means: ask `earliestSendAt` when to come back. */
  tryAcquire(conversationId: string, nowMs: number): SendSlot | undefined {
    if (this.earliestSendAt(conversationId, nowMs) !== nowMs) return undefined;
    this.inFlightGlobally += 1;
    this.inFlightPerConversation.set(conversationId, (this.inFlightPerConversation.get(conversationId) ?? 0) + 1);
    return { conversationId };
  }

  /**
   * Teams answered the send of this slot at `answeredAtMs` (or it ended without an answer): from
   * then it counts in every window. Call it exactly once per slot, whatever the outcome.
   */
  answered(slot: SendSlot, answeredAtMs: number): void {
    const { conversationId } = slot;
    this.inFlightGlobally = Math.max(0, this.inFlightGlobally - 1);
    const inFlightHere = (this.inFlightPerConversation.get(conversationId) ?? 1) - 1;
    if (inFlightHere > 0) this.inFlightPerConversation.set(conversationId, inFlightHere);
    else this.inFlightPerConversation.delete(conversationId);
    const answered = this.answeredPerConversation.get(conversationId) ?? [];
    insertAscending(answered, answeredAtMs);
    this.answeredPerConversation.set(conversationId, answered);
    insertAscending(this.answeredGlobally, answeredAtMs);
    this.forgetBefore(answeredAtMs);
  }

  /**
   * Teams answered 429 with Retry-After: nothing more into that conversation before then. A 429
   * without a conversation-level cause slows everyone down for the same time.
   */
  pause(conversationId: string | undefined, untilMs: number): void {
    if (conversationId === undefined) this.globalPauseUntil = Math.max(this.globalPauseUntil, untilMs);
    else this.pausedUntil.set(conversationId, Math.max(this.pausedUntil.get(conversationId) ?? 0, untilMs));
  }

  private forgetBefore(nowMs: number): void {
    const longest = Math.max(this.globalWindow.windowMs, ...this.conversationWindows.map((window) => window.windowMs));
    const horizon = nowMs - longest;
    while (this.answeredGlobally.length > 0 && this.answeredGlobally[0]! <= nowMs - this.globalWindow.windowMs)
      this.answeredGlobally.shift();
    for (const [conversationId, answered] of this.answeredPerConversation) {
      while (answered.length > 0 && answered[0]! <= horizon) answered.shift();
      if (answered.length === 0) this.answeredPerConversation.delete(conversationId);
    }
    for (const [conversationId, until] of this.pausedUntil) if (until <= nowMs) this.pausedUntil.delete(conversationId);
  }
}

/** Answers mostly arrive in order; a late one goes in its place so that the times stay ascending. */
function insertAscending(times: number[], time: number): void {
  let index = times.length;
  while (index > 0 && times[index - 1]! > time) index -= 1;
  times.splice(index, 0, time);
}

/**
 * The earliest instant ≥ `from` at which one more send, beside `inFlight` sends that occupy a
 * place in every window until they are answered, keeps every window within its limit; undefined
 * when the sends in flight alone fill one.
 */
function earliestWithin(
  answeredAscending: readonly number[],
  windows: readonly RateWindow[],
  inFlight: number,
  from: number,
): number | undefined {
  if (windows.some((window) => inFlight >= window.limit)) return undefined;
  let at = from;
  // Moving later for one window can only free the others, but check again until none objects.
  for (let moved = true; moved;) {
    moved = false;
    for (const window of windows) {
      const room = window.limit - inFlight;
      const inWindow = answeredAscending.filter((answeredAt) => answeredAt > at - window.windowMs);
      if (inWindow.length >= room) {
        // The answer that must leave the window first is the one `room` places before the end.
        at = inWindow[inWindow.length - room]! + window.windowMs;
        moved = true;
      }
    }
  }
  return at;
}

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

/**
 * Paces proactive sends so that Teams does not have to throttle them: per conversation with
 * Teams' windows, and globally with the app's budget per tenant (about 50 per second). It only
 * computes; the caller waits. Time is passed in as milliseconds, so it runs the same in tests.
 */
export class SendRateLimiter {
  private readonly sentPerConversation = new Map<string, number[]>();
  private readonly sentGlobally: number[] = [];
  private readonly pausedUntil = new Map<string, number>();
  private globalPauseUntil = 0;

  private readonly globalWindow: RateWindow;
  private readonly conversationWindows: readonly RateWindow[];

  /**
   * `marginMs` widens every window: a request reaches Teams a few milliseconds after its slot
   * was taken, and Teams counts it when it arrives.
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
   * The earliest instant (ms) at which a send into this conversation stays within every limit.
   * Global sends are also spread evenly (one per windowMs / limit) instead of leaving in bursts at
   * each window's start: then a request that reaches Teams a little late still lands in a window
   * with room, where a burst would overflow it.
   */
  earliestSendAt(conversationId: string, nowMs: number): number {
    const lastGlobal = this.sentGlobally.at(-1);
    const spacing = this.globalWindow.windowMs / this.globalWindow.limit;
    let at = Math.max(
      nowMs,
      this.globalPauseUntil,
      this.pausedUntil.get(conversationId) ?? 0,
      lastGlobal === undefined ? 0 : lastGlobal + spacing,
    );
    at = Math.max(at, earliestWithin(this.sentGlobally, [this.globalWindow], at));
    return Math.max(
      at,
      earliestWithin(this.sentPerConversation.get(conversationId) ?? [], this.conversationWindows, at),
    );
  }

  /** Takes a send slot now if one is free; false means: ask `earliestSendAt` when to come back. */
  tryAcquire(conversationId: string, nowMs: number): boolean {
    if (this.earliestSendAt(conversationId, nowMs) > nowMs) return false;
    const sent = this.sentPerConversation.get(conversationId) ?? [];
    sent.push(nowMs);
    this.sentPerConversation.set(conversationId, sent);
    this.sentGlobally.push(nowMs);
    this.forgetBefore(nowMs);
    return true;
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
    while (this.sentGlobally.length > 0 && this.sentGlobally[0]! <= nowMs - this.globalWindow.windowMs)
      this.sentGlobally.shift();
    for (const [conversationId, sent] of this.sentPerConversation) {
      while (sent.length > 0 && sent[0]! <= horizon) sent.shift();
      if (sent.length === 0) this.sentPerConversation.delete(conversationId);
    }
    for (const [conversationId, until] of this.pausedUntil) if (until <= nowMs) this.pausedUntil.delete(conversationId);
  }
}

/** The earliest instant ≥ `from` at which one more send keeps every window within its limit. */
function earliestWithin(sentAscending: readonly number[], windows: readonly RateWindow[], from: number): number {
  let at = from;
  // Moving later for one window can only free the others, but check again until none objects.
  for (let moved = true; moved;) {
    moved = false;
    for (const window of windows) {
      const inWindow = sentAscending.filter((sentAt) => sentAt > at - window.windowMs);
      if (inWindow.length >= window.limit) {
        // The send that must leave the window first is the one `limit` places before the end.
        at = inWindow[inWindow.length - window.limit]! + window.windowMs;
        moved = true;
      }
    }
  }
  return at;
}

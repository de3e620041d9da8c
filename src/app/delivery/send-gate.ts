import type { SendRateLimiter, SendSlot } from '../../domain/delivery/send-rate-limiter';

interface Waiting {
  readonly key: string;
  readonly take: (slot: SendSlot) => void;
}

/**
 * Lets requests to Teams through the rate limiter's slots: each waits its turn, in the order it
 * asked, unless its own conversation is held up (then those behind it go first). A slot is held
 * until Teams answers, so the gate looks again whenever an answer comes in and whenever the
 * earliest window frees; one timer serves every waiting request.
 */
export class SendGate {
  private readonly waiting: Waiting[] = [];
  /** The instant the pending timer looks again at; undefined without one. */
  private timerAt: number | undefined;

  constructor(
    private readonly limiter: SendRateLimiter,
    private readonly now: () => number,
    /** Waits for the given time; real timers in production, an advancing clock in tests. */
    private readonly wait: (ms: number) => Promise<void>,
  ) {}

  /**
   * Runs `request` in a slot of `key`'s conversation (and the app's budget), and gives the slot
   * back when it has answered, failed or thrown.
   */
  async through<T>(key: string, request: () => Promise<T>): Promise<T> {
    const slot = await new Promise<SendSlot>((take) => {
      this.waiting.push({ key, take });
      this.letThrough();
    });
    try {
      return await request();
    } finally {
      this.limiter.answered(slot, this.now());
      this.letThrough();
    }
  }

  private letThrough(): void {
    const now = this.now();
    let soonest: number | undefined;
    for (let index = 0; index < this.waiting.length;) {
      const { key, take } = this.waiting[index]!;
      const slot = this.limiter.tryAcquire(key, now);
      if (slot) {
        this.waiting.splice(index, 1);
        take(slot);
        continue;
      }
      const at = this.limiter.earliestSendAt(key, now);
      if (at !== undefined && (soonest === undefined || at < soonest)) soonest = at;
      index += 1;
    }
    if (soonest === undefined || (this.timerAt !== undefined && this.timerAt <= soonest)) return;
    const at = soonest;
    this.timerAt = at;
    void this.wait(at - now).then(() => {
      if (this.timerAt === at) this.timerAt = undefined;
      this.letThrough();
    });
  }
}

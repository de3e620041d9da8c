import type { Logger } from '../app/ports/logger';

export interface BackgroundLoopOptions {
  readonly name: string;
  /**
   * One round of work; resolves with whether more work is waiting (then the next round starts at
   * once). The signal aborts when the loop stops: a long round should end early, cleanly.
   */
  readonly step: (signal: AbortSignal) => Promise<boolean>;
  /** Pause between rounds when there was nothing to do. */
  readonly idleMs: number;
  /**
   * When work is known to fall due before the idle pause ends (ms from now), the next round
   * starts then instead: the outbox sender's retry due in 100 ms is not held for a whole pause.
   */
  readonly nextWorkInMs?: () => number | undefined;
  readonly logger: Logger;
}

/**
 * Runs a step again and again in the background: at once while there is work, after a pause
 * when idle, after a longer pause when the step failed (an outage must not become a hot loop).
 * `stop` lets the current round finish, so shutdown never cuts a send or a job in half.
 */
export class BackgroundLoop {
  private running = false;
  private timer: NodeJS.Timeout | undefined;
  private wake: (() => void) | undefined;
  private current: Promise<void> = Promise.resolve();
  private readonly stopping = new AbortController();

  constructor(private readonly options: BackgroundLoopOptions) {}

  start(): void {
    if (this.running) return;
    this.running = true;
    this.current = this.loop();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.stopping.abort();
    if (this.timer) clearTimeout(this.timer);
    this.wake?.();
    await this.current;
  }

  private idlePause(): number {
    const due = this.options.nextWorkInMs?.();
    return due === undefined ? this.options.idleMs : Math.max(0, Math.min(this.options.idleMs, due));
  }

  private async loop(): Promise<void> {
    let failures = 0;
    while (this.running) {
      let busy = false;
      try {
        busy = await this.options.step(this.stopping.signal);
        failures = 0;
      } catch (error) {
        failures += 1;
        this.options.logger.error({ err: error, loop: this.options.name }, 'background step failed');
      }
      if (!this.running) break;
      const pause = failures > 0 ? Math.min(60_000, this.options.idleMs * 2 ** failures) : busy ? 0 : this.idlePause();
      await new Promise<void>((resolve) => {
        this.wake = resolve;
        this.timer = setTimeout(resolve, pause);
      });
    }
  }
}

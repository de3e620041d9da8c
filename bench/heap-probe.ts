import path from 'node:path';
import v8 from 'node:v8';

/**
 * Loaded into the built bot with `node --expose-gc --require` by the memory soak: answers the
 * benchmark over the IPC channel with the process's own memory figures (after a full garbage
 * collection unless asked not to), and writes heap snapshots on request. The soak asks for a
 * collection only right after it has read RSS, so the RSS figures are those of the bot as it runs;
 * snapshots are for investigation only (writing one leaves the process hundreds of MiB larger).
 */
export interface ProbeRequest {
  readonly id: number;
  /** `usage`: collect garbage, then report; `snapshot`: collect, then write a heap snapshot into `dir`. */
  readonly kind: 'usage' | 'snapshot';
  /** Whether a `usage` request collects garbage first (a snapshot always does); true unless false. */
  readonly collect?: boolean;
  readonly dir?: string;
  readonly label?: string;
}

export interface ProbeReply {
  readonly id: number;
  readonly usage: NodeJS.MemoryUsage;
  readonly heap: v8.HeapInfo;
  readonly spaces: readonly v8.HeapSpaceInfo[];
  readonly snapshot?: string;
}

const collect = (globalThis as { gc?: () => void }).gc;

if (process.send && collect) {
  process.on('message', (request: ProbeRequest) => {
    if (request.kind === 'snapshot' || request.collect !== false) collect();
    const snapshot =
      request.kind === 'snapshot'
        ? v8.writeHeapSnapshot(path.join(request.dir ?? '.', `${request.label ?? 'soak'}.heapsnapshot`))
        : undefined;
    const reply: ProbeReply = {
      id: request.id,
      usage: process.memoryUsage(),
      heap: v8.getHeapStatistics(),
      spaces: v8.getHeapSpaceStatistics(),
      ...(snapshot ? { snapshot } : {}),
    };
    process.send!(reply);
  });
  // The channel must not keep the bot alive; it stops as it does in production.
  process.channel?.unref();
}

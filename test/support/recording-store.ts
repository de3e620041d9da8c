import type { DocumentStore } from '../../src/app/ports/document-store';

/** Every call a test let through to the store: the operation and its first argument. */
export interface StoreCall {
  readonly operation: string;
  readonly partition: unknown;
}

/**
 * Wraps a store and records each read and write that goes through it, so a test can show that a
 * refused request touched nothing at all, not merely that it left nothing behind.
 */
export function recordingStore(store: DocumentStore): { readonly store: DocumentStore; readonly calls: StoreCall[] } {
  const calls: StoreCall[] = [];
  const recorded = new Proxy(store, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver) as unknown;
      if (typeof value !== 'function' || property === 'close' || property === 'ping') return value;
      return (...args: unknown[]) => {
        calls.push({ operation: String(property), partition: args[0] });
        return (value as (...parameters: unknown[]) => unknown).apply(target, args);
      };
    },
  });
  return { store: recorded, calls };
}

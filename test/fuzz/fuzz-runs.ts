import assert from 'node:assert/strict';
import fc from 'fast-check';

/**
 * One fixed seed for every property, so CI sees the same cases on every run; a failure prints the
 * seed and path to replay it. Change it locally to explore further.
 */
export const FUZZ_SEED = 20270211;

/** The suites that count towards the total, so that the total is only checked when all ran. */
export const FUZZ_SUITES = ['text parsers', 'card actions', 'form size limits', 'http edge'] as const;

/** The minimum number of generated cases across the fuzz suites together. */
export const MIN_TOTAL_CASES = 10_000;

const counted = new Map<string, number>();

/** Runs a property with the fixed seed and counts its cases towards its suite. */
export async function checkProperty<T>(suite: (typeof FUZZ_SUITES)[number], property: fc.IAsyncPropertyWithHooks<T> | fc.IPropertyWithHooks<T>, numRuns: number): Promise<void> {
  await fc.assert(property as fc.IAsyncPropertyWithHooks<T>, { seed: FUZZ_SEED, numRuns, endOnFailure: true });
  counted.set(suite, (counted.get(suite) ?? 0) + numRuns);
}

/** Counts cases checked by hand-built loops (no generator) towards a suite. */
export function countCases(suite: (typeof FUZZ_SUITES)[number], cases: number): void {
  counted.set(suite, (counted.get(suite) ?? 0) + cases);
}

export function casesOf(suite: (typeof FUZZ_SUITES)[number]): number {
  return counted.get(suite) ?? 0;
}

after(function () {
  if (counted.size === 0) return;
  const total = [...counted.values()].reduce((sum, cases) => sum + cases, 0);
  const parts = [...counted].map(([suite, cases]) => `${suite} ${cases}`).join(', ');
  console.log(`      fuzz: ${total} generated cases (${parts})`);
  if (FUZZ_SUITES.every((suite) => counted.has(suite))) assert.ok(total >= MIN_TOTAL_CASES, `only ${total} fuzz cases, want at least ${MIN_TOTAL_CASES}`);
});

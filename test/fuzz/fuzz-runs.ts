import assert from 'node:assert/strict';
import fc from 'fast-check';

/**
 * One fixed seed for every property, so CI sees the same cases on every run; a failure prints the
 * seed and path to replay it. Change it locally to explore further.
 */
export const FUZZ_SEED = 20270211;

/** The suites that count towards the total, so that the total is only checked when all ran. */
export const FUZZ_SUITES = ['text parsers', 'card actions', 'form size limits', 'http edge'] as const;
export type FuzzSuite = (typeof FUZZ_SUITES)[number];

/** The minimum number of generated cases across the fuzz suites together. */
export const MIN_TOTAL_CASES = 10_000;

/**
 * The least share of a property's cases that must take its accepting path (parsed as a command,
 * read as a topic line, stored, shown as given). Random text almost never is valid input, so a
 * property fed only with it would test little beyond its refusals.
 */
export const MIN_ACCEPTED_SHARE = 1 / 3;

/** The least share that must be refused, so that hostile and broken input stays well covered too. */
export const MIN_REFUSED_SHARE = 1 / 5;

/**
 * Counts which path each case of one property took. The property calls `took` once per case;
 * `checkProperty` then asserts both shares and reports them beside the case counts.
 */
export class PathCount {
  accepted = 0;
  refused = 0;

  /**
   * `accepting` names the accepting path in the report ("chat line parsed as a command"),
   * `refusing` the other one where "refused" would not say it ("passed through unchanged").
   */
  constructor(
    readonly accepting: string,
    readonly refusing = 'refused',
  ) {}

  /** Records one case; returns `accepted`, so that a property can branch on it. */
  took(accepted: boolean): boolean {
    if (accepted) this.accepted += 1;
    else this.refused += 1;
    return accepted;
  }

  get cases(): number {
    return this.accepted + this.refused;
  }

  describe(): string {
    return `${this.accepting} ${this.accepted}/${this.cases} (${Math.round((100 * this.accepted) / this.cases)} %)`;
  }
}

const counted = new Map<string, number>();
const shares: Array<{ suite: FuzzSuite; paths: PathCount; required: number }> = [];

type AnyProperty<T> = fc.IAsyncPropertyWithHooks<T> | fc.IPropertyWithHooks<T>;

/**
 * Runs a property with the fixed seed and counts its cases towards its suite. With `paths`, the
 * property must have recorded every case, at least a third of them accepted and at least a fifth
 * refused (limits lowered only where `minimum` says why).
 */
export async function checkProperty<T>(
  suite: FuzzSuite,
  property: AnyProperty<T>,
  numRuns: number,
  paths?: PathCount,
  minimum: { accepted?: number; refused?: number } = {},
): Promise<void> {
  await fc.assert(property as fc.IAsyncPropertyWithHooks<T>, { seed: FUZZ_SEED, numRuns, endOnFailure: true });
  counted.set(suite, (counted.get(suite) ?? 0) + numRuns);
  if (!paths) return;
  assert.equal(paths.cases, numRuns, `the property recorded the path of ${paths.cases} of ${numRuns} cases`);
  const accepted = minimum.accepted ?? MIN_ACCEPTED_SHARE;
  const refused = minimum.refused ?? MIN_REFUSED_SHARE;
  assert.ok(
    paths.accepted >= accepted * numRuns,
    `only ${paths.describe()}; want at least ${Math.ceil(accepted * numRuns)}`,
  );
  assert.ok(
    paths.refused >= refused * numRuns,
    `only ${paths.refused} of ${numRuns} cases ${paths.refusing}; want at least ${Math.ceil(refused * numRuns)}`,
  );
  shares.push({ suite, paths, required: accepted });
}

/** Counts cases checked by hand-built loops (no generator) towards a suite. */
export function countCases(suite: FuzzSuite, cases: number): void {
  counted.set(suite, (counted.get(suite) ?? 0) + cases);
}

export function casesOf(suite: FuzzSuite): number {
  return counted.get(suite) ?? 0;
}

after(function () {
  if (counted.size === 0) return;
  const total = [...counted.values()].reduce((sum, cases) => sum + cases, 0);
  const parts = [...counted].map(([suite, cases]) => `${suite} ${cases}`).join(', ');
  console.log(`      fuzz: ${total} generated cases (${parts})`);
  for (const suite of FUZZ_SUITES) {
    const own = shares.filter((share) => share.suite === suite);
    if (own.length > 0) console.log(`      fuzz: ${suite}: ${describeShares(own)}`);
  }
  if (FUZZ_SUITES.every((suite) => counted.has(suite)))
    assert.ok(total >= MIN_TOTAL_CASES, `only ${total} fuzz cases, want at least ${MIN_TOTAL_CASES}`);
});

/**
 * Each property's accepted share; for many properties, the range among those that must accept,
 * and how many accepted none (those that must refuse every case).
 */
function describeShares(own: ReadonlyArray<{ paths: PathCount; required: number }>): string {
  if (own.length <= 8) return own.map(({ paths }) => paths.describe()).join('; ');
  const accepting = own.filter(({ required }) => required > 0).map(({ paths }) => paths);
  const share = (paths: PathCount) => paths.accepted / paths.cases;
  const lowest = accepting.reduce((low, paths) => (share(paths) < share(low) ? paths : low), accepting[0]!);
  const highest = Math.max(...accepting.map(share));
  const refusing = own.filter(({ paths }) => paths.accepted === 0).length;
  return (
    `${accepting.length} properties accepted ${Math.round(100 * share(lowest))}–${Math.round(100 * highest)} % ` +
    `of their cases (lowest: ${lowest.describe()}); ${refusing} accepted none`
  );
}

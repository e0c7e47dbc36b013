/**
 * Telling stored runs apart when their names are alike (docs/run-store.md, "Telling runs apart").
 * A run's name says what ran — the deal's name, the pool, the scenario — not every input: the deal
 * as written and the same deal sized to the pool (Deal ▸ Size to pool) share a name, and so do two
 * versions of a deal file. Their input hashes differ (every input, and the engine, goes into it), so
 * a list shows beside such a name the start of the input hash, the same short form the reopened
 * run's caption and `abs runs show` print. Runs whose name no other run shares show none: the name
 * already tells them apart. Pure, so the screens and the `abs` command decide alike.
 */

/** How many hex digits of an input hash a list and a caption show (SHA-256: 64). */
export const INPUT_HASH_SHORT_DIGITS = 12;

/** An input hash in its short form: its first 12 hex digits. */
export function shortInputHash(inputHash: string): string {
  return inputHash.slice(0, INPUT_HASH_SHORT_DIGITS);
}

/** The part of a stored run the decision reads (a RunRecord's fields). */
export interface FingerprintedRun {
  readonly id: number;
  /** The stored name (English, or as typed): alike names are alike in every language. */
  readonly name: string;
  readonly inputHash: string;
}

/**
 * Per run id, the short input hash to show beside its name: for every run whose name another run
 * of `runs` shares with other inputs; none for a run whose name is its own.
 */
export function inputFingerprints(runs: readonly FingerprintedRun[]): ReadonlyMap<number, string> {
  const hashesByName = new Map<string, Set<string>>();
  for (const run of runs) {
    const hashes = hashesByName.get(run.name) ?? new Set<string>();
    hashes.add(run.inputHash);
    hashesByName.set(run.name, hashes);
  }
  const fingerprints = new Map<number, string>();
  for (const run of runs) if ((hashesByName.get(run.name)?.size ?? 0) > 1) fingerprints.set(run.id, shortInputHash(run.inputHash));
  return fingerprints;
}

/**
 * The sample tape's file and the name the service stores it under (service/api/handlers/tapes.ts),
 * in one place, so a screen can tell the shipped sample still under the name it was given — and
 * say that name in the chosen language (tapes.sampleName) — without changing what is stored. A
 * sample the analyst renamed is theirs: it shows as they named it.
 */

/** The sample's source file: sample-consumer-loans-10000-seed2026.csv. */
export function sampleTapeFileName(loans: number, seed: number): string {
  return `sample-consumer-loans-${loans}-seed${seed}.csv`;
}

/** The name the sample is stored under: "Sample consumer-loan tape (10,000 loans, seed 2026)". */
export function sampleTapeStoredName(loans: number, seed: number): string {
  return `Sample consumer-loan tape (${loans.toLocaleString('en-US')} loans, seed ${seed})`;
}

const SAMPLE_FILE = /^sample-consumer-loans-(\d+)-seed(\d+)\.csv$/;

/** The sample's loans and seed when `tape` is the shipped sample under its given name; null otherwise. */
export function shippedSampleOf(tape: { readonly name: string; readonly sourceFile: string }): { loans: number; seed: number } | null {
  const match = SAMPLE_FILE.exec(tape.sourceFile);
  if (!match) return null;
  const loans = Number(match[1]);
  const seed = Number(match[2]);
  return tape.name === sampleTapeStoredName(loans, seed) ? { loans, seed } : null;
}

import { crashImportFamily } from './crash/import.ts';
import { crashRunOutFamily } from './crash/run-out.ts';
import { crashUpgradeFamily } from './crash/upgrade.ts';
import { fuzzFilesFamily } from './fuzz/files.ts';
import { fuzzTapesFamily } from './fuzz/tapes.ts';
import type { ReliabilityFamily } from './harness.ts';
import { run as determinism } from './determinism.ts';
import { run as load } from './load.ts';
import type { FamilyFigures, FamilySize } from './load-support.ts';
import { run as runStore } from './run-store.ts';
import { run as soak } from './soak.ts';

/**
 * Every trial family `npm run reliability` plays (scripts/reliability.ts), in order. A new write
 * path or reader adds its family here: one file exporting a ReliabilityFamily (harness.ts).
 */
export const CRASH_FAMILIES: readonly ReliabilityFamily[] = [
  crashImportFamily('csv', { small: 10_000, full: 25_000 }),
  crashImportFamily('xlsx', { small: 2_000, full: 5_000 }),
  crashUpgradeFamily,
  crashRunOutFamily,
];

export const FUZZ_FAMILIES: readonly ReliabilityFamily[] = [fuzzTapesFamily, fuzzFilesFamily];

export const FAMILIES: readonly ReliabilityFamily[] = [...CRASH_FAMILIES, ...FUZZ_FAMILIES];

/**
 * Families that keep their own trial loop and figures (load-support.ts FamilyFigures): each runs
 * whole, in a fresh process (scripts/reliability-whole.ts), after the families above. A later
 * write path whose trials need their own process adds itself here.
 */
export const WHOLE_FAMILIES: Readonly<Record<string, (size: FamilySize) => Promise<FamilyFigures>>> = { load, soak, determinism, 'run-store': runStore };

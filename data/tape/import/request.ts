import type { HeaderMapping, ImportMode, PlausibilityLimits } from '../types.ts';

/** One tape import as the analyst asked for it (the CLI's flags, the import wizard's choices). */
export interface ImportRequest {
  /** File to read. */
  readonly path: string;
  /** Name the file had for the user (an uploaded file is stored under a temporary name). */
  readonly sourceName?: string;
  readonly name?: string;
  /** ISO date; else the tape's data-date column; else today. */
  readonly cutoffDate?: string;
  readonly mapping?: HeaderMapping;
  /** The tape's plausibility limits over the defaults (data/tape/rows/limits.ts). */
  readonly limits?: PlausibilityLimits;
  readonly sheet?: string;
  readonly encoding?: string;
  readonly delimiter?: string;
  readonly mode: ImportMode;
  /** Import even if a tape with the same file hash exists. */
  readonly allowDuplicate?: boolean;
}

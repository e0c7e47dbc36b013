import { migration001 } from './001_workspace.ts';
import { migration002 } from './002_tapes.ts';
import { migration003 } from './003_assumptions.ts';
import { migration004 } from './004_runs.ts';
import { migration005 } from './005_scenarios.ts';
import { migration006 } from './006_schedules.ts';
import { migration007 } from './007_run_name_codes.ts';
import type { Migration } from './types.ts';

export type { Migration } from './types.ts';

/** Every migration, in order; `version` must equal its position (checked at startup and in tests). */
export const MIGRATIONS: readonly Migration[] = [migration001, migration002, migration003, migration004, migration005, migration006, migration007];

export const LATEST_SCHEMA_VERSION = MIGRATIONS.length;

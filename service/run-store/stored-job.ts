import type { WriteTurns } from '../jobs/write-turns.ts';
import type { CodedMessage } from '../../engine/index.ts';
import { findRunByHash, getRun, insertRun, type RunRow, type RunRowWithResult } from '../../data/runs/store.ts';
import type { Workspace } from '../../data/workspace.ts';
import { notStoredWarning } from './store-warnings.ts';
import type { JobResultOf, RunInputs, RunKind, RunRecord, RunStoreNote, StoredRun } from '../api/contract.ts';
import { canonicalJson, sha256Hex } from './canonical-json.ts';
import { engineIdentity, type EngineIdentity } from './engine-identity.ts';
import { runFigures } from './figures.ts';

/** The result of a calculation job the store keeps. */
export type CalculationResult = JobResultOf<'pool.project' | 'deal.run' | 'deal.breakeven' | 'deal.runScenarios' | 'deal.grid' | 'deal.monteCarlo'>;

/** What a job would store: its inputs and a name; the workspace it stores into, as open when the job started. */
export interface RunPlan {
  readonly workspace: Workspace;
  readonly inputs: RunInputs;
  readonly name: string;
  /** The generated name by code (service/run-store/run-names.ts), `name` its English; null when the analyst named the run. */
  readonly nameCoded: CodedMessage | null;
  readonly tapeId: number | null;
  /** The app's write turns (service/jobs/write-turns.ts): the run is stored in its turn, after an import's commit. */
  readonly writes?: WriteTurns;
}

const JOB_KIND: Readonly<Record<RunKind, CalculationResult['kind']>> = {
  projection: 'pool.project',
  deal: 'deal.run',
  breakeven: 'deal.breakeven',
  scenarios: 'deal.runScenarios',
  grid: 'deal.grid',
  'monte-carlo': 'deal.monteCarlo',
};

/** SHA-256 of the canonical JSON of the inputs together with the engine identity: a changed engine gives another hash. */
export function runInputHash(inputs: RunInputs, engine: EngineIdentity = engineIdentity()): string {
  return sha256Hex(canonicalJson({ inputs, engine: { version: engine.version, sourcesSha256: engine.sourcesSha256 } }));
}

/** The calculation's own result, as the job gives it (no time, no store note): what the store keeps. */
function payloadOf(result: CalculationResult): unknown {
  if (result.kind === 'deal.run') return result.run;
  if (result.kind === 'deal.breakeven') return result.breakeven;
  if (result.kind === 'deal.runScenarios') return result.scenarios;
  if (result.kind === 'deal.grid') return result.grid;
  if (result.kind === 'deal.monteCarlo') return result.monteCarlo;
  return result.projection;
}

/** Whether this version knows a stored run's kind (runs.list leaves out the others). */
export function isRunKind(kind: string): kind is RunKind {
  return Object.hasOwn(JOB_KIND, kind);
}

export function toRunRecord(row: RunRow): RunRecord {
  if (!isRunKind(row.kind)) throw new Error(`stored run ${row.id} is of a kind this version does not know: ${row.kind}`);
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    ...(row.nameCoded ? { nameCoded: row.nameCoded } : {}),
    createdAt: row.createdAt,
    tapeId: row.tapeId,
    inputHash: row.inputHash,
    engine: { version: row.engineVersion, sourcesSha256: row.engineSourcesSha256 },
    seconds: row.seconds,
    figures: row.figures,
    resultBytes: row.resultBytes,
    compressed: row.compressed,
  };
}

/** A stored run as the job gave its result: the same JSON, the time it took then. */
export function toStoredRun(row: RunRowWithResult): StoredRun {
  const record = toRunRecord(row);
  const payload: unknown = JSON.parse(row.resultJson);
  const { seconds } = row;
  const result = resultOf(record.kind, payload, seconds);
  return { record, inputs: JSON.parse(row.inputsJson) as RunInputs, result };
}

/** The job result a stored payload came from, by the run's kind. */
function resultOf(kind: RunKind, payload: unknown, seconds: number): CalculationResult {
  const results: Readonly<Record<RunKind, () => unknown>> = {
    deal: () => ({ kind: 'deal.run', run: payload, seconds }),
    breakeven: () => ({ kind: 'deal.breakeven', breakeven: payload, seconds }),
    projection: () => ({ kind: 'pool.project', projection: payload, seconds }),
    scenarios: () => ({ kind: 'deal.runScenarios', scenarios: payload, seconds }),
    grid: () => ({ kind: 'deal.grid', grid: payload, seconds }),
    'monte-carlo': () => ({ kind: 'deal.monteCarlo', monteCarlo: payload, seconds }),
  };
  return results[kind]() as CalculationResult;
}

/**
 * Runs a calculation job through the run store: an identical earlier run (same input hash) is served
 * from the store; otherwise the calculation runs and its run is stored in one transaction. A store
 * that fails (a busy or closed workspace, a full disk) leaves the workspace as it was and the result
 * still returns, with the reason as `stored.warning`. `onStored` is told of each new stored run.
 */
export async function runThroughStore(plan: RunPlan | null, calculate: () => Promise<CalculationResult>, onStored: () => void): Promise<CalculationResult> {
  if (plan === null) return calculate();
  const engine = engineIdentity();
  const inputHash = runInputHash(plan.inputs, engine);
  const served = servedFromStore(plan.workspace, inputHash);
  if (served) return served;
  const result = await calculate();
  let stored: RunStoreNote;
  try {
    const store = (): RunRow =>
      insertRun(plan.workspace.db, {
        kind: plan.inputs.kind,
        name: plan.name,
        nameCoded: plan.nameCoded,
        createdAt: new Date().toISOString(),
        inputHash,
        inputsJson: JSON.stringify(plan.inputs),
        tapeId: plan.tapeId,
        engineVersion: engine.version,
        engineSourcesSha256: engine.sourcesSha256,
        seconds: result.seconds,
        figures: runFigures(result),
        resultJson: JSON.stringify(payloadOf(result)),
      });
    const row = plan.writes ? await plan.writes.run(store) : store();
    stored = { runId: row.id, createdAt: row.createdAt, fromStore: false, warning: null };
    onStored();
  } catch (error) {
    const warning = notStoredWarning(error);
    stored = { runId: null, createdAt: null, fromStore: false, warning: warning.message, codedWarning: warning };
  }
  return { ...result, stored };
}

/** The stored run with this hash as the job's result, or null (none stored, or the store cannot be read: then the run is computed). */
function servedFromStore(workspace: Workspace, inputHash: string): CalculationResult | null {
  try {
    const hit = findRunByHash(workspace.db, inputHash);
    if (!hit) return null;
    const { result } = toStoredRun(getRun(workspace.db, hit.id));
    return { ...result, stored: { runId: hit.id, createdAt: hit.createdAt, fromStore: true, warning: null } };
  } catch {
    return null;
  }
}

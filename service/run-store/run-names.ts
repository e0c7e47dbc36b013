import { messageTable, type CodedMessage, type MessageParam } from '../../engine/index.ts';
import type { GridParameter } from '../api/contract.ts';

/**
 * The names the run store gives the runs it keeps ("Deal on Tape (loan level) — deal’s scenario"),
 * by code: the English is the stored `name` (what the CLI prints); the screens say the code in the
 * chosen language (docs/run-store.md, "Run names"). A name is built of pieces — the pool, the
 * scenario, each override, the sweep around a deal run — each a coded message inside the next, so
 * every language composes them in its own order. Names the analyst typed (a deal's, a tape's, a
 * scenario's) are params, shown as typed.
 */

/** A piece's English: a nested message's, or the value as written. */
const en = (piece: MessageParam): string => (typeof piece === 'object' ? piece.message : String(piece));

type Named = { deal: MessageParam; pool: CodedMessage; scenario: MessageParam };
type Around = { scenario: MessageParam };

export const RUN_NAMES = messageTable('runName', {
  // a deal run and a breakeven search: what runs, on which pool, under which scenario
  deal: (p: Named) => `${en(p.deal)} on ${en(p.pool)} — ${en(p.scenario)}`,
  breakevensCdr: (p: Named) => `Breakevens (CDR) of ${en(p.deal)} on ${en(p.pool)} — ${en(p.scenario)}`,
  breakevensMultiplier: (p: Named) => `Breakevens (default multiplier) of ${en(p.deal)} on ${en(p.pool)} — ${en(p.scenario)}`,
  // a deal file without a name, heading a run and inside "Breakevens … of deal"
  aDeal: () => 'Deal',
  theDeal: () => 'deal',
  tapeLoanLevel: (p: { tape: string }) => `${p.tape} (loan level)`,
  tapeRepline: (p: { tape: string }) => `${p.tape} (representative lines)`,
  ownPool: () => 'its own pool',
  dealScenario: () => 'deal’s scenario',
  scenarioGiven: () => 'scenario given',
  // the run's overrides, each after the scenario it changes (vector notation as written: 150 PSA)
  prepay: (p: Around & { curve: string }) => `${en(p.scenario)}, prepay ${p.curve}`,
  default: (p: Around & { curve: string }) => `${en(p.scenario)}, default ${p.curve}`,
  defaultMultiplier: (p: Around & { multiplier: number }) => `${en(p.scenario)}, defaults × ${p.multiplier}`,
  // sweeps around a deal run (a Monte Carlo's paths and seed as the request wrote them, the stored name's digits)
  scenarioSet: (p: { set: string; run: CodedMessage }) => `Scenario set ${p.set} — ${en(p.run)}`,
  grid: (p: { rows: CodedMessage; columns: CodedMessage; run: CodedMessage }) => `Grid ${en(p.rows)} × ${en(p.columns)} — ${en(p.run)}`,
  monteCarlo: (p: { paths: string; distribution: string; seed: string; run: CodedMessage }) => `Monte Carlo ${p.paths} paths, ${p.distribution}, seed ${p.seed} — ${en(p.run)}`,
  // a grid's axes: the parameter's id in English (as the CLI and the request write it)
  axisDefaultMult: () => 'defaultMult',
  axisPrepayMult: () => 'prepayMult',
  axisCureMult: () => 'cureMult',
  axisRollInMult: () => 'rollInMult',
  axisRecoveryMult: () => 'recoveryMult',
  axisRecoveryRate: () => 'recoveryRate',
  axisRecoveryLag: () => 'recoveryLag',
  axisCdr: () => 'cdr',
  axisCpr: () => 'cpr',
  axisIndexShockBps: () => 'indexShockBps',
  axisOutageShare: () => 'outageShare',
  axisOutageMonth: () => 'outageMonth',
  // a projection
  projectionLines: (p: { pool: MessageParam }) => `Projection of ${en(p.pool)} (lines)`,
  projectionLoanLevel: (p: { tape: MessageParam }) => `Projection of ${en(p.tape)} (loan level)`,
  projectionRepline: (p: { tape: MessageParam }) => `Projection of ${en(p.tape)} (representative lines)`,
  aPoolFile: () => 'pool file',
  aTape: () => 'tape',
  withScenario: (p: { run: CodedMessage; scenario: string }) => `${en(p.run)} — ${p.scenario}`,
});

const AXES: Readonly<Record<GridParameter, `axis${Capitalize<GridParameter>}`>> = {
  defaultMult: 'axisDefaultMult',
  prepayMult: 'axisPrepayMult',
  cureMult: 'axisCureMult',
  rollInMult: 'axisRollInMult',
  recoveryMult: 'axisRecoveryMult',
  recoveryRate: 'axisRecoveryRate',
  recoveryLag: 'axisRecoveryLag',
  cdr: 'axisCdr',
  cpr: 'axisCpr',
  indexShockBps: 'axisIndexShockBps',
  outageShare: 'axisOutageShare',
  outageMonth: 'axisOutageMonth',
};

/** A grid axis' parameter as a piece of a run's name. */
export function axisName(parameter: GridParameter): CodedMessage {
  return RUN_NAMES.say(AXES[parameter]);
}

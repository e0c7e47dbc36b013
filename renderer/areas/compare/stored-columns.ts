import type { DealRunResult, ScenarioRunRow, ScenarioSetRunResult, StoredRun } from '../../../service/api/contract.ts';
import type { Translate } from '../../app/i18n.tsx';
import { runName } from '../../app/run-name.ts';
import type { DealCurrency } from '../deal/model.ts';
import { runCurrency } from '../runs/labels.ts';
import type { ColumnCurrencies } from './table.ts';

/** The kinds of stored run Compare can put side by side. */
export const COMPARABLE_KINDS = new Set(['deal', 'scenarios', 'grid', 'monte-carlo']);

const cents = (x: number): number => Math.round(x * 100) / 100;

/**
 * A stored deal run as one column of the side-by-side table: the figures a scenario set's row
 * holds (service/runs/scenario-set.ts scenarioRow, on the same fields of the run), with its
 * run by payment date for the overlaid charts.
 */
export function rowOfDealRun(name: string, run: DealRunResult, translate: Translate): ScenarioRunRow {
  const last = run.periods.length - 1;
  const netLoss = run.cumulativeNetLoss[last] ?? 0;
  const rate = (x: number): number => (run.poolBalance > 0 ? x / run.poolBalance : 0);
  return {
    name,
    description: translate('stored.dealOnPool', { deal: run.dealName, pool: run.poolName }),
    tranches: run.tranches,
    cumulativeDefaultRate: run.cumulativeDefaultRate[last] ?? 0,
    cumulativeNetLoss: netLoss,
    cumulativeNetLossRate: rate(netLoss),
    reserveDraws: cents(run.periods.reduce((sum, p) => sum + (p.reserve?.draws ?? 0), 0)),
    triggerFirstBreach: run.triggerFirstBreach,
    revolvingEnd: run.revolvingEnd,
    cleanUpPeriod: run.cleanUpPeriod,
    warnings: run.warnings,
    ...(run.codedWarnings ? { codedWarnings: run.codedWarnings } : {}),
    series: {
      dates: run.periods.map((p) => p.paymentDate),
      cumulativeDefaultRate: run.cumulativeDefaultRate,
      cumulativeNetLossRate: run.cumulativeNetLoss.map(rate),
      noteBalances: run.tranches.map((t) => ({ id: t.id, values: run.periods.map((p) => p.notes.find((n) => n.id === t.id)?.endingBalance ?? 0) })),
    },
  };
}

/** The picked runs as columns of one table, and the currency of each column's amounts (its run's deal file's). */
export interface StoredColumns {
  readonly set: ScenarioSetRunResult;
  readonly currencies: ColumnCurrencies;
}

/**
 * The picked deal runs and scenario sets as one table of columns: a deal run is one column
 * ("#12 name"), a scenario set one column per scenario ("#13 Stress 2x"), in the order picked;
 * the first column is the base the others are read against. Each column keeps its own deal's
 * currency: runs of a yuan and a dollar deal may sit side by side. Null when none is a deal run or set.
 */
export function storedColumns(runs: readonly StoredRun[], translate: Translate): StoredColumns | null {
  const columns: ScenarioRunRow[] = [];
  const currencies: DealCurrency[] = [];
  let head: Omit<ScenarioSetRunResult, 'scenarios' | 'setName'> | null = null;
  for (const { record, inputs, result } of runs) {
    const currency = runCurrency(inputs);
    if (result.kind === 'deal.run') {
      const run = result.run;
      head ??= {
        dealName: run.dealName,
        poolName: run.poolName,
        mode: run.mode,
        cutoffDate: run.cutoffDate,
        closingDate: run.closingDate,
        poolBalance: run.poolBalance,
        cumulativeRatioDenominator: run.cumulativeRatioDenominator,
      };
      columns.push(rowOfDealRun(`#${record.id} ${runName(record)}`, run, translate));
      currencies.push(currency);
    } else if (result.kind === 'deal.runScenarios') {
      const { scenarios, setName, ...rest } = result.scenarios;
      head ??= rest;
      for (const s of scenarios) {
        columns.push({ ...s, name: `#${record.id} ${s.name}`, description: `${setName}: ${s.description ?? s.name}` });
        currencies.push(currency);
      }
    }
  }
  return head === null ? null : { set: { ...head, setName: translate('stored.setName'), scenarios: columns }, currencies };
}

import { csvField, safeCsvField } from '../../data/csv-out.ts';
import { denominatorIn } from '../../messages/denominator.ts';
import type { ScenarioSetRunResult } from '../api/contract.ts';

/**
 * CSV views of a scenario-set run: one row per scenario and note (the tranche figures side by
 * side in a spreadsheet's pivot), and one row per scenario for the pool. Money in the deal
 * currency with cents, rates and ratios as decimals; scenario and note names come from files and
 * are guarded against formula injection.
 */
const num = (x: number | null | undefined): string => (x === null || x === undefined || !Number.isFinite(x) ? '' : String(x));

export function scenarioTrancheCsv(result: ScenarioSetRunResult): string {
  const first = result.scenarios[0]?.tranches[0];
  const walBasis = first ? `${first.walBasis} from ${first.walFrom === result.closingDate ? 'closing' : `settlement ${first.walFrom}`}` : 'ACT/365 from closing';
  const header = [
    'Scenario',
    'Note',
    'Name',
    `WAL (years, ${walBasis})`,
    'First principal date',
    'Last principal date',
    'Yield at par (annual effective, ACT/365)',
    'IRR (residual)',
    'Write-down',
    'Loss rate',
    'Interest shortfall',
  ];
  const lines = [header.map(csvField).join(',')];
  for (const scenario of result.scenarios) {
    for (const t of scenario.tranches) {
      lines.push(
        [
          safeCsvField(scenario.name),
          safeCsvField(t.id),
          safeCsvField(t.name),
          num(t.walYears),
          t.firstPrincipal?.date ?? '',
          t.lastPrincipal?.date ?? '',
          num(t.yieldAtParAnnualEffective),
          num(t.irr),
          num(t.writeDown),
          num(t.lossRate),
          num(t.interestShortfall),
        ].join(','),
      );
    }
  }
  return `${lines.join('\n')}\n`;
}

export function scenarioPoolCsv(result: ScenarioSetRunResult): string {
  const header = [
    'Scenario',
    `Cumulative default rate (÷ ${denominatorIn('en', result.cumulativeRatioDenominator)})`,
    'Cumulative net loss',
    'Cumulative net loss rate (of the cutoff pool)',
    'Reserve draws',
    'Triggers breached (first period)',
    'Revolving ended (period)',
    'Clean-up call (period)',
  ];
  const lines = [header.map(csvField).join(',')];
  for (const s of result.scenarios) {
    const breached = Object.entries(s.triggerFirstBreach)
      .filter(([, p]) => p !== null)
      .map(([id, p]) => `${id}:${p}`)
      .join(' ');
    lines.push(
      [
        safeCsvField(s.name),
        num(s.cumulativeDefaultRate),
        num(s.cumulativeNetLoss),
        num(s.cumulativeNetLossRate),
        num(s.reserveDraws),
        safeCsvField(breached),
        num(s.revolvingEnd?.period),
        num(s.cleanUpPeriod),
      ].join(','),
    );
  }
  return `${lines.join('\n')}\n`;
}

/**
 * The breakeven table across scenarios (a set run with breakevens): one row per scenario and coupon
 * note — the stress (a multiple of the default curve, or a CDR as a decimal), the test and the
 * search's status, and the pool's cumulative default and net loss rates at that stress.
 */
export function scenarioBreakevenCsv(result: ScenarioSetRunResult): string {
  const header = ['Scenario', 'Note', 'Name', 'Stressed by', 'Breakeven stress', 'Test', 'Status', 'Cumulative default rate at it', 'Cumulative net loss rate at it'];
  const lines = [header.map(csvField).join(',')];
  for (const s of result.scenarios) {
    for (const row of s.breakeven?.rows ?? []) {
      lines.push(
        [
          safeCsvField(s.name),
          safeCsvField(row.id),
          safeCsvField(row.name),
          s.breakeven?.by === 'cdr' ? 'constant CDR' : 'default multiplier',
          num(row.stress),
          row.interest,
          row.status,
          num(row.cumulativeDefaultRate),
          num(row.cumulativeNetLossRate),
        ].join(','),
      );
    }
  }
  return `${lines.join('\n')}\n`;
}

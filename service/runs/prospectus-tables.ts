import { csvField, safeCsvField } from '../../data/csv-out.ts';
import { UserError } from '../../data/errors.ts';
import { prospectusTables, type CashFlowLeg, type ClassTable, type DealResult, type DecrementRows, type PercentPrecision, type TableScenario } from '../../engine/index.ts';
import type { CallCase, DealTablesRequest, DealTablesResult } from '../api/contract.ts';
import { readDealFile, type DealFile } from '../files/deal-file.ts';
import { prepareDeal, runPrepared } from './prepare-deal.ts';
import { TIME_BASIS } from './tranches.ts';

/**
 * The speeds of a prospectus table in vector notation: "0.5,1,1.3,1.5,1.8,2 ABS" (numbers sharing
 * the last word's model) or vectors separated by semicolons ("1.5 ABS; 150 PSA"). Each is read by
 * the run as its prepayment override (errors at $.prepayment, docs/vector-notation.md).
 */
export function tableSpeeds(text: string): string[] {
  const trimmed = text.trim();
  if (trimmed.includes(';'))
    return trimmed
      .split(';')
      .map((s) => s.trim())
      .filter((s) => s !== '');
  const shared = /^([\d.,\s]+?)\s*([A-Za-z]+)$/.exec(trimmed);
  if (shared) {
    const numbers = (shared[1] ?? '').split(',').map((s) => s.trim());
    if (numbers.length > 0 && numbers.every((n) => /^\d+(\.\d+)?$/.test(n))) return numbers.map((n) => `${n} ${shared[2] ?? ''}`);
  }
  if (trimmed === '') throw new UserError('BAD_REQUEST', 'speeds: give at least one speed, e.g. "0.5,1,1.3,1.5,1.8,2 ABS"', { path: '$.speeds' });
  return [trimmed];
}

/** A run's legs as the table reads them: from closing, balances after each payment date. */
function legsOf(result: DealResult, closing: string, paymentsPerYear: number): Map<string, CashFlowLeg> {
  return new Map(
    result.legs.map((leg) => [
      leg.id,
      {
        originalBalance: leg.originalBalance,
        settlementDate: closing,
        paymentsPerYear,
        paymentDates: leg.dates,
        principal: leg.principal,
        interest: leg.interest,
        writeDown: leg.writeDown,
        endingBalance: leg.balance,
      },
    ]),
  );
}

/** The cases the request asks for: the call exercised as the deal file states it, and the deal run to maturity (no call). */
function callCases(file: DealFile, asked: CallCase | undefined): ('toCall' | 'toMaturity')[] {
  const wanted = asked ?? (file.cleanUpCall ? 'both' : 'noCall');
  if (wanted !== 'noCall' && !file.cleanUpCall) throw new UserError('BAD_REQUEST', 'the deal file has no cleanUpCall, so there is no table to call: ask for noCall', { path: '$.cleanUpCall' });
  return wanted === 'both' ? ['toCall', 'toMaturity'] : wanted === 'call' ? ['toCall'] : ['toMaturity'];
}

/**
 * The prospectus tables of a deal (service API deal.tables, `abs tables`): for each call case and
 * each speed one run of the deal on its pool under the deal's assumptions with the speed as the
 * prepayment curve; for each note its WAL (the deal file's analytics.walBasis, from closing),
 * principal window, expected final payment date and decrement table. To maturity = the same deal
 * without its clean-up call.
 */
export function dealTables(request: DealTablesRequest): DealTablesResult {
  const draft = request.pool === undefined ? request.deal : withPool(request.deal, request.pool);
  const file = readDealFile(draft);
  const speeds = tableSpeeds(request.speeds);
  const rows: DecrementRows = request.rows ?? 'paymentDates';
  const precision: PercentPrecision = request.precision ?? 'twoDecimals';
  const walBasis = file.analytics?.walBasis ?? 'ACT/365';
  const closing = file.dates.closing;
  const paymentsPerYear = 12 / (file.dates.paymentFrequencyMonths ?? 1);
  const cases = callCases(file, request.call).map((callCase) => {
    const caseFile: DealFile = callCase === 'toCall' ? file : { ...file, cleanUpCall: undefined };
    const scenarios: TableScenario[] = speeds.map((speed) => {
      const prepared = prepareDeal(caseFile, null, request.assumptions ?? caseFile.assumptions, { prepayment: speed });
      return { label: speed, legs: legsOf(runPrepared(prepared).result, closing, paymentsPerYear) };
    });
    const tables: ClassTable[] = prospectusTables(
      file.notes.map((n) => n.id),
      scenarios,
      { rows, precision, walBasis: TIME_BASIS[walBasis] },
    );
    return { callCase, tables };
  });
  return {
    dealName: file.name ?? 'Deal',
    closingDate: closing,
    walBasis,
    rows,
    precision,
    speeds,
    notes: file.notes.map((n) => ({ id: n.id, name: n.name ?? n.id, originalBalance: n.originalBalance })),
    cases,
  };
}

/** The deal file with `pool` in place of its own (the --pool file: the same lines shape). */
function withPool(deal: unknown, pool: unknown): unknown {
  if (typeof deal !== 'object' || deal === null || Array.isArray(deal)) return deal;
  return { ...(deal as Record<string, unknown>), pool };
}

/**
 * The tables as CSV: one row per call case, note and table row (the decrement cells, one column
 * per speed), then the note's WAL, principal window and expected final payment date rows.
 * Note names come from the user's file, so they are guarded against formula injection.
 */
export function tablesCsv(result: DealTablesResult): string {
  const header = ['case', 'note', 'row', ...result.speeds];
  const lines = [header.map(csvField).join(',')];
  for (const { callCase, tables } of result.cases) {
    for (const table of tables) {
      const note = safeCsvField(result.notes.find((n) => n.id === table.noteId)?.name ?? table.noteId);
      const row = (label: string, cells: readonly string[]): void => {
        lines.push([callCase, note, label, ...cells].map((c, i) => (i === 1 ? c : csvField(c))).join(','));
      };
      table.dates.forEach((date, i) => row(i === 0 ? `closing ${date}` : date, table.cells[i] ?? []));
      row(
        `WAL (years, ${result.walBasis} from closing)`,
        table.columns.map((c) => c.walPrinted),
      );
      row(
        'principal window',
        table.columns.map((c) => (c.principalWindow ? `${c.principalWindow.first} – ${c.principalWindow.last}` : '—')),
      );
      row(
        'expected final payment date',
        table.columns.map((c) => c.expectedFinalPaymentDate ?? '—'),
      );
    }
  }
  return `${lines.join('\n')}\n`;
}

import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { generateSampleLoans, SAMPLE_VALUE_LABELS, writeSampleTape, type SampleLoan } from '../../data/sample/index.ts';
import { importReportOf } from '../../service/jobs/job-manager.ts';
import { Service } from '../../service/service.ts';
import { useTempDir } from '../helpers/tmp.ts';

/**
 * The loans table after an import through the app's own path (the reader and the SQLite writer
 * threads, the loans packed into transferred batches) holds exactly what the tape says, value by
 * value and type by type: checked against the loans the sample generator wrote into the file.
 * 5,000 loans are four full batches of 1,024 and a last one of 904, whose 64-row INSERTs end with
 * 8 single-row ones.
 */

const LOANS = 5000;
const SEED = 11;
const CUTOFF = '2026-09-30';
const tempDir = useTempDir();
let service: Service | null = null;

afterEach(async () => {
  await service?.close();
  service = null;
});

/** Whole months from `from` to `to` (ISO dates): a month counts once its day of the month is reached. */
function wholeMonths(from: string, to: string): number {
  const [fy, fm, fd] = from.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = to.split('-').map(Number) as [number, number, number];
  return (ty - fy) * 12 + (tm - fm) - (td < fd ? 1 : 0);
}

/** The row the tape's loan must become (zh labels as written; a month-end cutoff; no extra columns). */
function expectedRow(loan: SampleLoan, rowNo: number, tapeId: number): Record<string, unknown> {
  const zh = SAMPLE_VALUE_LABELS.zh;
  return {
    tape_id: tapeId,
    row_no: rowNo,
    loan_id: loan.loanId,
    borrower_id: loan.borrowerId,
    origination_date: loan.originationDate,
    maturity_date: loan.maturityDate,
    original_principal: loan.originalPrincipal,
    current_principal: loan.currentPrincipal,
    rate_annual: loan.rateAnnual,
    original_term: loan.originalTerm,
    remaining_term: loan.remainingTerm,
    age_months: Math.max(0, wholeMonths(loan.originationDate, CUTOFF)),
    // The sample tape has no payment-frequency column: every loan pays monthly (the import's note says so).
    payment_frequency: 'monthly',
    amortization: loan.amortization,
    days_past_due: loan.daysPastDue,
    overdue_principal: loan.overduePrincipal,
    overdue_interest: loan.overdueInterest,
    segment: loan.segment,
    product: zh.product[loan.product],
    region: zh.province.get(loan.province),
    credit_score: loan.creditScore,
    restructured: loan.restructured ? 1 : 0,
    extra_json: null,
  };
}

async function importThroughService(file: string): Promise<{ workspace: string; tapeId: number }> {
  const workspace = join(tempDir(), 'ws.sqlite');
  service = new Service({ transport: 'test' });
  const opened = await service.call('workspace.open', { path: workspace });
  if (!opened.ok) throw new Error(opened.error.message);
  const job = await service.call('tape.import', { source: { kind: 'path', path: file }, mode: 'reject' });
  if (!job.ok) throw new Error(job.error.message);
  const report = importReportOf(await service.jobs.wait(job.value.id));
  expect(report).toMatchObject({ status: 'imported', rowsImported: LOANS, rowsRejected: 0 });
  await service.close();
  service = null;
  return { workspace, tapeId: report?.tapeId ?? 0 };
}

function expectTableMatches(workspace: string, tapeId: number): void {
  const db = new Database(workspace, { readonly: true });
  try {
    const rows = db.prepare('SELECT * FROM loans WHERE tape_id = ? ORDER BY rowid').all(tapeId);
    const loans = [...generateSampleLoans({ loans: LOANS, seed: SEED, cutoffDate: CUTOFF })];
    expect(rows).toHaveLength(LOANS);
    // Row numbers as the analyst sees them: the header is line (or Excel row) 1.
    rows.forEach((row, i) => expect(row).toEqual(expectedRow(loans[i] as SampleLoan, i + 2, tapeId)));
    // The storage classes SQLite keeps (a REAL must not arrive as TEXT, nor an INTEGER as REAL).
    const types = db
      .prepare(
        `SELECT DISTINCT typeof(row_no), typeof(loan_id), typeof(origination_date), typeof(original_principal), typeof(rate_annual),
           typeof(original_term), typeof(age_months), typeof(days_past_due), typeof(credit_score), typeof(restructured) FROM loans WHERE tape_id = ?`,
      )
      .raw()
      .all(tapeId);
    expect(types).toEqual([['integer', 'text', 'text', 'real', 'real', 'integer', 'integer', 'integer', 'real', 'integer']]);
  } finally {
    db.close();
  }
}

describe('tape import: the loans table holds what the tape says', () => {
  it('a CSV tape (UTF-8, Chinese headers and labels), through the reader and writer threads', async () => {
    const file = join(tempDir(), 'sample.csv');
    await writeSampleTape({ loans: LOANS, seed: SEED, out: file, format: 'csv', cutoffDate: CUTOFF });
    const { workspace, tapeId } = await importThroughService(file);
    expectTableMatches(workspace, tapeId);
  });

  it('an XLSX tape of the same loans, through the same writer', async () => {
    const file = join(tempDir(), 'sample.xlsx');
    await writeSampleTape({ loans: LOANS, seed: SEED, out: file, format: 'xlsx', cutoffDate: CUTOFF });
    const { workspace, tapeId } = await importThroughService(file);
    expectTableMatches(workspace, tapeId);
  });
});

import { createRowNormalizer, type RowNormalizer } from '../rows.ts';
import type { Plausibility } from '../rows/limits.ts';
import { noTermOverruns, type TermOverruns } from '../rows/term-overrun.ts';
import { noRateReadings, type RateReadings } from '../rows/rate-readings.ts';
import type { ImportMode, RowProblem } from '../types.ts';
import type { TapeWriter } from '../writer.ts';
import { LoanBatches } from './batches.ts';
import { cutoffOfTape, type Cutoff } from './cutoff.ts';
import { NO_HEADER, type TapeLayout } from './header.ts';

/** Problems kept for the report; `problemCount` counts them all. */
export const PROBLEM_LIMIT = 1000;

/** A rejected row as stored for the analyst: every cell by its header ("column N" where it has none). */
function rawRowJson(headers: readonly string[], fields: readonly string[]): string {
  const raw: Record<string, string> = {};
  headers.forEach((h, i) => {
    raw[h || `column ${i + 1}`] = fields[i] ?? '';
  });
  for (let i = headers.length; i < fields.length; i++) raw[`column ${i + 1}`] = fields[i] ?? '';
  return JSON.stringify(raw);
}

/**
 * The tape's rows as they stream in after its header: each one validated, a valid loan batched
 * for the writer, a rejected row counted with its problems (and, in keep-valid mode, stored with
 * them). In reject mode, once a row is rejected the whole file is: later valid rows are only
 * validated, not written. Memory stays flat: only the loan ids seen so far are kept.
 */
export class RowStream {
  rowsRead = 0;
  rowsImported = 0;
  rowsRejected = 0;
  problemCount = 0;
  /** The first PROBLEM_LIMIT problems, in row order. */
  readonly problems: RowProblem[] = [];
  readonly loans: LoanBatches;
  #layout: TapeLayout = NO_HEADER;
  #cutoff: Cutoff | null;
  #normalizer: RowNormalizer | null = null;
  readonly #writer: TapeWriter;
  readonly #mode: ImportMode;
  readonly #limits: Plausibility;

  readonly #sourceFile: string;

  constructor(writer: TapeWriter, mode: ImportMode, cutoff: Cutoff | null, sourceFile: string, limits: Plausibility) {
    this.loans = new LoanBatches(writer);
    this.#writer = writer;
    this.#mode = mode;
    this.#cutoff = cutoff;
    this.#sourceFile = sourceFile;
    this.#limits = limits;
  }

  get layout(): TapeLayout {
    return this.#layout;
  }

  /** As given; else settled by the first row; null while neither (a tape without rows). */
  get cutoff(): Cutoff | null {
    return this.#cutoff;
  }

  /** Rows read valid whose maturity date is before the cutoff date. */
  get maturedBeforeCutoff(): number {
    return this.#normalizer?.maturedBeforeCutoff ?? 0;
  }

  /** Rows read valid whose age plus remaining term exceeds their original term (rows/term-overrun.ts). */
  get termOverruns(): TermOverruns {
    return this.#normalizer?.termOverruns ?? noTermOverruns();
  }

  /** How valid rows' bare rates were read, when the rate column's header states no unit (rows/rate-readings.ts). */
  get rateReadings(): RateReadings {
    return this.#normalizer?.rateReadings ?? noRateReadings();
  }

  /** The header row, read and mapped, that the rows are read by. */
  header(layout: TapeLayout): void {
    this.#layout = layout;
  }

  add(fields: string[], rowNo: number): void {
    this.rowsRead++;
    const normalizer = this.#normalizer ?? this.#startValidating(fields);
    const loans = this.loans;
    const problems = normalizer.normalize(fields, rowNo, loans.open);
    if (problems === null && this.#mode === 'reject' && this.rowsRejected > 0) {
      loans.drop(); // the file is rejected anyway: only validate
    } else if (problems === null) {
      this.rowsImported++;
      loans.take();
    } else {
      this.#reject(problems, fields, rowNo);
    }
  }

  /** At the first row the cutoff is settled (given, else the tape's data date; never guessed), and with it the rules. */
  #startValidating(firstRow: readonly string[]): RowNormalizer {
    const { headers, mapping, units } = this.#layout;
    this.#cutoff ??= cutoffOfTape(mapping, firstRow, this.#sourceFile, this.#limits);
    this.#normalizer = createRowNormalizer({ headers, mapping, units, cutoffDate: this.#cutoff.date, limits: this.#limits });
    return this.#normalizer;
  }

  #reject(problems: RowProblem[], fields: readonly string[], rowNo: number): void {
    this.rowsRejected++;
    this.problemCount += problems.length;
    for (const p of problems) if (this.problems.length < PROBLEM_LIMIT) this.problems.push(p);
    if (this.#mode === 'keepValid') this.#writer.reject(rowNo, JSON.stringify(problems), rawRowJson(this.#layout.headers, fields));
  }
}

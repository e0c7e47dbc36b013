import { LOAN_COLUMNS } from '../loan-columns.ts';
import { LoanEncoder, type LoanValue } from '../loan-codec.ts';
import type { TapeWriter } from '../writer.ts';

/** Position of current_principal among a loan's values (LOAN_COLUMNS without tape_id). */
const CURRENT_PRINCIPAL_VALUE = LOAN_COLUMNS.indexOf('current_principal') - 1;
/** Loans handed to the writer at a time: one message (and one transferred buffer) per 1,024 loans. */
const WRITE_BATCH_ROWS = 1024;

/**
 * Valid loans on their way to the writer: each one's values, as the row normalizer appends them
 * to `open`, packed at once into the batch's buffer (loan-codec.ts), handed over WRITE_BATCH_ROWS
 * loans at a time; and the tape's balance, Σ current principal of every loan taken.
 */
export class LoanBatches {
  /** The loan being read: the row normalizer appends its values here; take() or drop() empties it. */
  readonly open: LoanValue[] = [];
  readonly #encoder = new LoanEncoder();
  // Σ current principal with Neumaier's compensation, as SQLite's total() sums.
  #balance = 0;
  #compensation = 0;
  readonly #writer: TapeWriter;

  constructor(writer: TapeWriter) {
    this.#writer = writer;
  }

  /** Σ current principal of the loans taken (yuan). */
  get currentBalance(): number {
    return this.#balance + this.#compensation;
  }

  /** Takes the loan whose values are in `open`. */
  take(): void {
    const current = this.open[CURRENT_PRINCIPAL_VALUE] as number;
    const t = this.#balance + current;
    this.#compensation += Math.abs(this.#balance) >= Math.abs(current) ? this.#balance - t + current : current - t + this.#balance;
    this.#balance = t;
    this.#encoder.add(this.open);
    this.open.length = 0;
    if (this.#encoder.rows === WRITE_BATCH_ROWS) this.#writer.loans(this.#encoder.take());
  }

  /** Drops the values in `open` (a row that is not written). */
  drop(): void {
    this.open.length = 0;
  }

  /** Hands every loan not yet written to the writer. */
  flush(): void {
    if (this.#encoder.rows > 0) this.#writer.loans(this.#encoder.take());
  }
}

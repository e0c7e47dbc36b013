import { LOAN_COLUMNS } from '../rows.ts';
import { LOAN_CHUNK_ROWS, type LoanBatch, type LoanValues, type TapeWriter } from '../writer.ts';

/** Position of current_principal among a row's params (LOAN_COLUMNS without tape_id). */
const CURRENT_PRINCIPAL_PARAM = LOAN_COLUMNS.indexOf('current_principal') - 1;
/** Chunks of LOAN_CHUNK_ROWS loans handed to the writer at a time (1,024 loans). */
const WRITE_BATCH_CHUNKS = 16;

/**
 * Valid loans on their way to the writer: their values in chunks of LOAN_CHUNK_ROWS rows (each
 * one multi-row INSERT), handed over WRITE_BATCH_CHUNKS chunks at a time; and the tape's
 * balance, Σ current principal of every loan taken.
 */
export class LoanBatches {
  /** The chunk being filled: the row normalizer appends a row's values to it. */
  open: LoanValues = [];
  #openRows = 0;
  #chunks: LoanBatch = [];
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

  /** Takes the loan whose values were appended to the open chunk from `start` on. */
  take(start: number): void {
    const current = this.open[start + CURRENT_PRINCIPAL_PARAM] as number;
    const t = this.#balance + current;
    this.#compensation += Math.abs(this.#balance) >= Math.abs(current) ? this.#balance - t + current : current - t + this.#balance;
    this.#balance = t;
    if (++this.#openRows === LOAN_CHUNK_ROWS) {
      this.#chunks.push(this.open);
      this.open = [];
      this.#openRows = 0;
      if (this.#chunks.length === WRITE_BATCH_CHUNKS) {
        this.#writer.loans(this.#chunks);
        this.#chunks = [];
      }
    }
  }

  /** Drops the values appended to the open chunk from `start` on. */
  drop(start: number): void {
    this.open.length = start;
  }

  /** Hands every loan not yet written to the writer. */
  flush(): void {
    if (this.#openRows > 0) this.#chunks.push(this.open);
    if (this.#chunks.length > 0) this.#writer.loans(this.#chunks);
    this.#chunks = [];
    this.open = [];
    this.#openRows = 0;
  }
}

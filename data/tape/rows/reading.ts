import { FIELD_BY_NAME, type CanonicalField, type FieldSpec } from '../fields.ts';
import type { HeaderUnit } from '../headers.ts';
import type { ProblemRule, RowProblem } from '../types.ts';
import type { Parsed } from '../values/index.ts';
import type { CodedMessage } from '../../../engine/messages.ts';
import { TAPE_ROW_MESSAGES } from './messages.ts';

const say = TAPE_ROW_MESSAGES.say;

/** Where a canonical field is read from: the column's position and its header as the tape spells it. */
export interface Bound {
  readonly index: number;
  readonly header: string;
  readonly spec: FieldSpec;
  /** The unit the header states that the column's values are read in (import/header.ts); null: none. */
  readonly unit: HeaderUnit | null;
}

/** The mapped columns of a tape, by the canonical field each one feeds. */
export type BoundColumns = ReadonlyMap<CanonicalField, Bound>;

/**
 * One source row being read: its cells by canonical field, and everything found wrong with it
 * so far. Every problem names the row (the line or Excel row the analyst sees), the column as
 * the tape spells it, the value, the rule and why.
 */
export class RowReading {
  /** null while nothing is wrong (a valid row allocates no list). */
  problems: RowProblem[] | null = null;
  readonly #bound: BoundColumns;
  readonly #fields: readonly string[];
  /** The line or Excel row the analyst sees. */
  readonly rowNo: number;

  constructor(bound: BoundColumns, fields: readonly string[], rowNo: number) {
    this.#bound = bound;
    this.#fields = fields;
    this.rowNo = rowNo;
  }

  /** Whether a column of the tape is mapped to `field`. */
  has(field: CanonicalField): boolean {
    return this.#bound.has(field);
  }

  /** The trimmed cell of `field`; '' when blank or when no column is mapped to it. */
  text(field: CanonicalField): string {
    const b = this.#bound.get(field);
    return b ? (this.#fields[b.index] ?? '').trim() : '';
  }

  /** The parsed cell of `field`, or null: blank, or wrong (a 'format' or 'range' problem), or required and missing (a 'required' problem). */
  read<T>(field: CanonicalField, parse: (text: string) => Parsed<T>, required: boolean): T | null {
    const b = this.#bound.get(field);
    const raw = b ? (this.#fields[b.index] ?? '') : '';
    const result = parse(raw);
    if (!result.ok) {
      // A number read whole but outside the field's range (a rate of 180%) breaks `range`; what cannot be read at all, `format`.
      if (result.outOfRange) this.problem(field, raw.trim(), 'range', say('outOfRange', { reason: result.coded }));
      else this.problem(field, raw.trim(), 'format', say('unreadable', { reason: result.coded }));
      return null;
    }
    if (result.value === null && required) this.problem(field, b ? raw.trim() : null, 'required', b ? say('requiredValueMissing') : say('requiredColumnNotMapped'));
    return result.value;
  }

  /**
   * A value in no column of the header (right of its last column): the row's fields shifted — an
   * unquoted delimiter inside an earlier field — or a column left without a heading. Refused as a
   * problem of the row (an XLSX sheet's such cell refuses the file: xlsx-common.ts), since the
   * values left of it may have shifted too; an empty cell there (a trailing delimiter) is no value.
   */
  unheadedValue(headerColumns: number): void {
    const fields = this.#fields;
    for (let i = headerColumns; i < fields.length; i++) {
      const value = (fields[i] ?? '').trim();
      if (value === '') continue;
      const why = say('valueWithoutHeading', { column: i + 1, lastColumn: headerColumns });
      const message = `row ${this.rowNo}, value ${quoted(value)}: ${why.message}`;
      (this.problems ??= []).push({ row: this.rowNo, column: null, field: null, value, rule: 'unheaded_value', message, code: why.code, params: why.params });
      return;
    }
  }

  /** Records what is wrong with `field`, in the words the import report shows; `why` by code, for a screen to say in its language. */
  problem(field: CanonicalField, value: string | null, rule: ProblemRule, why: CodedMessage): void {
    const rowNo = this.rowNo;
    const column = this.#bound.get(field)?.header ?? null;
    const label = FIELD_BY_NAME.get(field)?.label.toLowerCase() ?? field;
    const where = column !== null ? `column ${quoted(column)} (${label})` : label;
    const message = `row ${rowNo}, ${where}${value !== null ? `, value ${quoted(value)}` : ''}: ${why.message}`;
    (this.problems ??= []).push({ row: rowNo, column, field, value, rule, message, code: why.code, params: why.params });
  }
}

/** Longest cell or header text a message repeats whole; a longer one shows its start and its length. */
const SHOWN_CHARACTERS = 80;

/**
 * `"text"`, or `"start…" (N characters)` for a long one: a message that repeated a 1 MB cell whole
 * (the fuzz harness's case) was a megabyte long in the report, the CLI and the rejects screen.
 */
function quoted(text: string): string {
  if (text.length <= SHOWN_CHARACTERS) return `"${text}"`;
  return `"${text.slice(0, SHOWN_CHARACTERS - 20)}…" (${text.length.toLocaleString('en-US')} characters)`;
}

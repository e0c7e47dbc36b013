import { codedError } from '../../errors.ts';
import { TAPE_MESSAGES } from '../messages.ts';
import { FIELD_BY_NAME, type CanonicalField } from '../fields.ts';
import { describeMapping, headerUnit, suggestMapping, type HeaderUnit } from '../headers.ts';
import type { ColumnMapping } from '../rows.ts';
import type { HeaderMapping, MappedColumn } from '../types.ts';
import { checkTapeWidth } from '../width.ts';

/** The tape's header row (trimmed) and the canonical field each column feeds. */
export interface TapeLayout {
  readonly headers: readonly string[];
  readonly mapping: ColumnMapping;
  /** Per column, the unit its header states that its values are read in (`(万元)` on an amount, `(%)` on a rate); null: none. */
  readonly units: ReadonlyArray<HeaderUnit | null>;
}

/** Before the header row is read (and for a file that has none). */
export const NO_HEADER: TapeLayout = { headers: [], mapping: [], units: [] };

const RATE_FIELDS: ReadonlySet<CanonicalField> = new Set(['rateAnnual', 'rateDaily']);

/**
 * The unit each mapped column's values are read in, from its header (headers.ts headerUnit): a
 * scale on an amount (万元: × 10,000), a unit on a rate (%: every value a percentage). A unit the
 * import does not know on an amount or a rate, or a unit of the other kind (`(万元)` on a rate,
 * `(%)` on an amount or a term), refuses the mapping at that column (BAD_MAPPING).
 */
function columnUnits(file: string, headers: readonly string[], mapping: ColumnMapping): Array<HeaderUnit | null> {
  return mapping.map((field, i) => {
    if (field === null) return null;
    const header = headers[i] ?? '';
    const unit = headerUnit(header);
    if (unit === null) return null;
    const kind = FIELD_BY_NAME.get(field)?.kind;
    const wanted = kind === 'money' ? 'money' : RATE_FIELDS.has(field) ? 'rate' : null;
    if (unit.kind === wanted) return unit;
    if (unit.kind === 'unknown' && wanted === null) return null; // a term's or a date's own words, read as before
    const key = unit.kind === 'unknown' ? 'unknownUnit' : 'unitNotForField';
    throw codedError('BAD_MAPPING', TAPE_MESSAGES.say(key, { file, column: header, unit: unit.written, mappedFields: field }), { file, column: header, field, unit: unit.written });
  });
}

/** Applies a header mapping (saved or edited) over the automatic suggestion. */
export function resolveMapping(headers: readonly string[], given: HeaderMapping | undefined): ColumnMapping {
  const suggested = suggestMapping(headers);
  if (!given) return suggested;
  const mapping = headers.map((header, i) => (Object.hasOwn(given, header) ? (given[header] ?? null) : (suggested[i] ?? null)));
  // An explicit choice wins over a suggestion for the same field elsewhere.
  const explicit = new Set(
    headers
      .filter((h) => Object.hasOwn(given, h))
      .map((h) => given[h])
      .filter((f) => f !== null),
  );
  return mapping.map((field, i) => {
    const header = headers[i] ?? '';
    if (field !== null && !Object.hasOwn(given, header) && explicit.has(field)) return null;
    return field;
  });
}

/** A mapping is usable when every field is known, none is fed by two columns, and every required field is fed. */
function checkMapping(file: string, headers: readonly string[], mapping: ColumnMapping): void {
  const seen = new Map<CanonicalField, string>();
  mapping.forEach((field, i) => {
    if (field === null) return;
    if (!FIELD_BY_NAME.has(field)) {
      throw codedError('BAD_MAPPING', TAPE_MESSAGES.say('unknownField', { field, column: headers[i] ?? String(i + 1) }), { file, column: headers[i], field });
    }
    const other = seen.get(field);
    if (other !== undefined) {
      throw codedError('BAD_MAPPING', TAPE_MESSAGES.say('mappedTwice', { first: other, second: headers[i] ?? '', mappedFields: field }), {
        file,
        field,
        columns: [other, headers[i]],
      });
    }
    seen.set(field, headers[i] ?? '');
  });
  const { missingRequired } = describeMapping(headers, mapping);
  if (missingRequired.length > 0) {
    throw codedError('BAD_MAPPING', TAPE_MESSAGES.say('requiredUnmapped', { file, missingFields: missingRequired.join(',') }), {
      file,
      missing: missingRequired,
      headers,
    });
  }
}

/** The header row read with the request's mapping over the suggested one, refused (BAD_MAPPING) unless usable, or (BAD_FILE) when wider than 1,000 columns. */
export function readHeader(file: string, fields: readonly string[], given: HeaderMapping | undefined): TapeLayout {
  checkTapeWidth(file, fields.length);
  const headers = fields.map((h) => h.trim());
  const mapping = resolveMapping(headers, given);
  checkMapping(file, headers, mapping);
  return { headers, mapping, units: columnUnits(file, headers, mapping) };
}

/** Every column of the tape with the field it was mapped to, as the report and the tape record keep them. */
export function mappedColumns(layout: TapeLayout): MappedColumn[] {
  return layout.headers.map((header, column) => {
    const unit = layout.units[column];
    return { column, header, field: layout.mapping[column] ?? null, ...(unit ? { unit: unit.written } : {}) };
  });
}

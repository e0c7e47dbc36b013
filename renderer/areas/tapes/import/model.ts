import type { CanonicalField, HeaderMapping, ImportMode, ImportReport, MappedColumn, TapeImportRequest, TapePreview, TapeReadOptions, TapeSource } from '../../../../service/api/contract.ts';
import { isIsoDate } from '../../../app/axis-format.ts';
import { csvText } from '../../../app/csv.ts';
import { translate } from '../../../app/i18n.tsx';
import { tapeFieldLabel } from '../../../app/coded.ts';
import { problemWhy } from '../problem-text.ts';

/** How to read the file; '' leaves each to detection (or, for the mapping, to the header names). */
export interface ReadChoices {
  readonly encoding: string;
  readonly delimiter: string;
  readonly sheet: string;
  readonly mappingName: string;
}

export const DETECT: ReadChoices = { encoding: '', delimiter: '', sheet: '', mappingName: '' };

/** The analyst's field per tape header, over the preview's mapping; null keeps the column as an extra attribute. */
export type MappingOverrides = Readonly<Record<string, CanonicalField | null>>;

/** How to import: the tape's name (null: the file's name), cutoff date ('' : the tape's or today), what an invalid row does. */
export interface ImportChoices {
  readonly name: string | null;
  readonly cutoff: string;
  readonly mode: ImportMode;
  readonly allowDuplicate: boolean;
}

export const IMPORT_DEFAULTS: ImportChoices = { name: null, cutoff: '', mode: 'reject', allowDuplicate: false };

/** The tape.preview request: only the choices that override detection. */
export function readRequest(source: TapeSource, read: ReadChoices): TapeReadOptions {
  return {
    source,
    ...(read.encoding ? { encoding: read.encoding } : {}),
    ...(read.delimiter ? { delimiter: read.delimiter } : {}),
    ...(read.sheet ? { sheet: read.sheet } : {}),
    ...(read.mappingName ? { mappingName: read.mappingName } : {}),
  };
}

export function effectiveMapping(preview: TapePreview, overrides: MappingOverrides): MappedColumn[] {
  return preview.mapping.map((m) => ({ ...m, field: Object.hasOwn(overrides, m.header) ? (overrides[m.header] ?? null) : m.field }));
}

/** The required fields no column maps to, by label; a rate counts when annual or daily. */
export function unmappedFields(preview: TapePreview, mapping: readonly MappedColumn[]): string[] {
  const mapped = new Set(mapping.map((m) => m.field).filter((f) => f !== null));
  const required = preview.fields.filter((f) => f.required && !mapped.has(f.field)).map((f) => tapeFieldLabel(f.field));
  if (!mapped.has('rateAnnual') && !mapped.has('rateDaily')) required.push(translate('tapes.import.interestRate'));
  return required;
}

/** Fields two or more columns map to: each field takes one column. */
export function doubledFields(mapping: readonly MappedColumn[]): ReadonlySet<CanonicalField> {
  const counts = new Map<CanonicalField, number>();
  for (const m of mapping) if (m.field) counts.set(m.field, (counts.get(m.field) ?? 0) + 1);
  return new Set([...counts].filter(([, n]) => n > 1).map(([f]) => f));
}

export function headerMapping(mapping: readonly MappedColumn[]): HeaderMapping {
  return Object.fromEntries(mapping.map((m) => [m.header, m.field]));
}

/** The name a tape gets unless the analyst types another: its file name without the extension. */
export function defaultTapeName(sourceFile: string): string {
  return sourceFile.replace(/\.[^.]+$/, '');
}

/** The tape.import request: the mapping as shown (the saved mapping started from is already in it). */
export function importRequest(source: TapeSource, read: ReadChoices, mapping: readonly MappedColumn[], name: string, choices: ImportChoices): TapeImportRequest {
  return {
    source,
    mode: choices.mode,
    mapping: headerMapping(mapping),
    ...(name.trim() ? { name: name.trim() } : {}),
    ...(choices.cutoff ? { cutoffDate: choices.cutoff } : {}),
    ...(read.encoding ? { encoding: read.encoding } : {}),
    ...(read.delimiter ? { delimiter: read.delimiter } : {}),
    ...(read.sheet ? { sheet: read.sheet } : {}),
    ...(choices.allowDuplicate ? { allowDuplicate: true } : {}),
  };
}

/**
 * The problems of a failed import as CSV, in the chosen language: the headers as the screen's table
 * names them, and why each row was refused as the screen says it (its code; the importer's English
 * for a problem without one). The field and the rule stay their stable names, for a sheet to filter on.
 */
export function problemsCsv(report: ImportReport): string {
  const headers = (['tapes.import.row', 'tapes.import.column', 'tapes.import.field', 'tapes.import.value', 'tapes.import.rule', 'tapes.import.why'] as const).map((key) => translate(key));
  const lines = [headers.map(csvText).join(',')];
  for (const p of report.problems) {
    lines.push([String(p.row), p.column ?? '', p.field ?? '', p.value ?? '', p.rule, problemWhy(p)].map(csvText).join(','));
  }
  return `${lines.join('\n')}\n`;
}

/**
 * Whether the user must enter the cutoff date: no column maps to the data date (数据日期) and none is
 * typed. The import refuses to date a tape today (CUTOFF_REQUIRED), so the wizard asks first.
 * (A mapped data-date column left blank on the first row is still refused by the import, in words.)
 */
export function cutoffNeeded(mapping: readonly MappedColumn[], cutoff: string): boolean {
  return cutoff.trim() === '' && !mapping.some((m) => m.field === 'asOfDate');
}

/** A cutoff typed but not a YYYY-MM-DD date on the calendar: the field says why, and Import waits. */
export function cutoffUnreadable(cutoff: string): boolean {
  return cutoff.trim() !== '' && !isIsoDate(cutoff.trim());
}

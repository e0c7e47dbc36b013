import { randomBytes } from 'node:crypto';
import { renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import ExcelJS, { type ExcelJSTypes } from '../../data/excel.ts';
import { labelsFor, type Labels } from './labels.ts';
import type { ReportModel } from './model.ts';
import { modelSaid } from './said.ts';
import { cutName, MAX_SHEET_NAME, SheetNames } from './sheet-names.ts';
import { writeAccounts } from './sheets/accounts.ts';
import { writeAssumptions } from './sheets/assumptions.ts';
import { writeComparison } from './sheets/comparison.ts';
import { writeGrid } from './sheets/grid.ts';
import { writeMonteCarlo } from './sheets/monte-carlo.ts';
import { writeNoteFlows, writePoolFlows } from './sheets/flows.ts';
import { writeStrats } from './sheets/strats.ts';
import { spanFieldValues, writeSummaryFitted, type SummaryRows } from './sheets/summary.ts';
import { fitColumns, pageSetup } from './table.ts';

type Workbook = ExcelJSTypes.Workbook;

/**
 * A per-scenario sheet's name: the long label ("Pool cash flows") in a one-scenario report; with
 * several, the scenario then the short label ("Stress 2x · Pool"), the scenario's name cut so the
 * label always fits in Excel's 31 characters.
 */
function perScenario(long: string, short: string, scenario: string, several: boolean): string {
  if (!several) return long;
  const suffix = ` · ${short}`;
  return `${cutName(scenario, MAX_SHEET_NAME - suffix.length).trimEnd()}${suffix}`;
}

/** Adds a sheet, fills it, fits its columns (except the rows `fill` returns), sets it up for print and spans its label-and-value lines' values over the first page. */
function addSheet(workbook: Workbook, names: SheetNames, wanted: string, frozenRows: number, frozenCols: number, fill: (sheet: ExcelJSTypes.Worksheet) => SummaryRows | void): void {
  const sheet = workbook.addWorksheet(names.name(wanted));
  const rows = fill(sheet);
  fitColumns(sheet, rows?.labelRows, rows?.headingRows);
  pageSetup(sheet, frozenRows, frozenCols);
  if (rows?.valueRows) spanFieldValues(sheet, rows);
}

/**
 * The tranche workbook of a report (docs/reports.md): Summary, Scenario comparison, Assumptions,
 * then per scenario its pool cash flows, each note's cash flows and its accounts and triggers,
 * a sheet per stored sensitivity grid and Monte Carlo run, and the tape's strats.
 */
export function buildWorkbook(given: ReportModel): Workbook {
  const model = modelSaid(given); // run names and warnings in the report's language
  // Money headers say the deal file's currency (Labels.money).
  const t: Labels = labelsFor(model.language, model.deal.currency);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'ABS Workbench';
  workbook.created = new Date(model.generatedAt);
  workbook.modified = workbook.created;
  const names = new SheetNames();
  const several = model.scenarios.length > 1;
  addSheet(workbook, names, t('sheet.summary'), 0, 0, (s) => writeSummaryFitted(s, model, t));
  addSheet(workbook, names, t('sheet.comparison'), 1, 1, (s) => writeComparison(s, model, t));
  addSheet(workbook, names, t('sheet.assumptions'), 1, 0, (s) => writeAssumptions(s, model, t));
  for (const scenario of model.scenarios) {
    addSheet(workbook, names, perScenario(t('sheet.pool'), t('sheet.poolShort'), scenario.shortName, several), 1, 2, (s) => writePoolFlows(s, scenario.run, t));
    scenario.run.tranches.forEach((note, j) => {
      addSheet(workbook, names, perScenario(`${t('sheet.note')} ${note.id}`, note.id, scenario.shortName, several), 1, 2, (s) => writeNoteFlows(s, scenario.run, j, t));
    });
    addSheet(workbook, names, perScenario(t('sheet.accounts'), t('sheet.accountsShort'), scenario.shortName, several), 1, 2, (s) => writeAccounts(s, scenario.run, t));
  }
  for (const grid of model.grids) addSheet(workbook, names, `${t('sheet.grid')} ${grid.shortName}`, 0, 0, (s) => writeGrid(s, grid, t));
  for (const mc of model.monteCarlo) addSheet(workbook, names, `${t('sheet.monteCarlo')} ${mc.shortName}`, 0, 0, (s) => writeMonteCarlo(s, mc, t));
  const stratsNote = model.tape === null ? t('note.noTape') : t('note.noWorkspace');
  addSheet(workbook, names, t('sheet.strats'), 0, 0, (s) => writeStrats(s, model.strats, stratsNote, t));
  return workbook;
}

/** Writes the workbook beside `path` under a temporary name, then renames it over `path`: a reader never sees half a file. */
export async function writeWorkbookFile(workbook: Workbook, path: string): Promise<number> {
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await workbook.xlsx.writeFile(temp);
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
  return statSync(path).size;
}

import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import type { HeaderMapping, ImportReport, PlausibilityLimits } from '../../service/api/contract.ts';
import type { Service } from '../../service/service.ts';
import { importReportOf } from '../../service/jobs/job-manager.ts';
import { UsageError } from '../output.ts';
import { followJob } from '../progress.ts';
import { ApiCallError, unwrap, type CommandIO } from '../run.ts';

const IMPORT_HELP = `Usage: abs import FILE --db WORKSPACE [options]

Imports a loan tape (CSV or XLSX) into a workspace as one transaction.

Options:
  --db FILE            the workspace (created if missing)
  --name NAME          tape name (default: the file name)
  --cutoff YYYY-MM-DD  cutoff date (default: the tape's data-date column 数据日期; required without one)
  --mapping FILE.json  column mapping: {"<tape header>": "<field>" | null, ...}, or
                       {"mapping": {...}, "limits": {"maxAmount": 1e11, "minDate": "1900-01-01",
                       "maxDate": "2100-12-31", "scoreMin": 0, "scoreMax": 1000}} (a saved mapping's
                       form) to set the tape's plausibility limits
  --sheet NAME         XLSX sheet (default: the first)
  --encoding E         CSV text encoding: utf-8, utf-8-bom, gbk, gb18030, utf-16le (default: detected)
  --delimiter D        CSV delimiter: , ; | or tab (default: detected)
  --keep-valid         import the valid rows and keep rejected ones for review
                       (default: any bad row rejects the whole file)
  --allow-duplicate    import even if the same file was imported before
  --json               print the import report as JSON
  --quiet              no progress bar

Exit codes: 0 imported, 1 rejected or a user error, 2 internal error.`;

/** The mapping file: a header mapping, or a saved mapping's form with its plausibility limits (checked by the service). */
function readMappingFile(file: string): { mapping: HeaderMapping; limits?: PlausibilityLimits } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new UsageError(`cannot read mapping ${file}: ${(error as Error).message}`);
  }
  const wrapper = parsed !== null && typeof parsed === 'object' && 'mapping' in parsed ? (parsed as { mapping: unknown; limits?: unknown }) : null;
  const mapping = wrapper ? wrapper.mapping : parsed;
  if (mapping === null || typeof mapping !== 'object' || Array.isArray(mapping)) {
    throw new UsageError(`mapping ${file} must be a JSON object of "tape header": "field" (or null)`);
  }
  const limits = wrapper?.limits;
  if (limits !== undefined && (limits === null || typeof limits !== 'object' || Array.isArray(limits))) {
    throw new UsageError(`mapping ${file}: "limits" must be a JSON object (maxAmount, minDate, maxDate, scoreMin, scoreMax)`);
  }
  return { mapping: mapping as HeaderMapping, ...(limits !== undefined ? { limits } : {}) };
}

function delimiterOption(value: string | undefined): ',' | '\t' | ';' | '|' | undefined {
  if (value === undefined) return undefined;
  const d = value === 'tab' || value === '\\t' ? '\t' : value;
  if (d === ',' || d === '\t' || d === ';' || d === '|') return d;
  throw new UsageError(`--delimiter must be , ; | or tab, got '${value}'`);
}

function cutoffOption(value: string | undefined): string | undefined {
  if (value !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(value)) throw new UsageError(`--cutoff must be a date as YYYY-MM-DD, got '${value}'`);
  return value;
}

const n = (x: number): string => x.toLocaleString('en-US');

function formatImportReport(report: ImportReport): string {
  const source = [report.format.toUpperCase(), report.encoding, report.delimiter ? `delimiter ${JSON.stringify(report.delimiter)}` : null, report.sheet ? `sheet "${report.sheet}"` : null]
    .filter(Boolean)
    .join(', ');
  const lines = [
    report.status === 'imported' ? `Imported tape ${report.tapeId} "${report.name}" from ${report.sourceFile} (${source})` : `Rejected ${report.sourceFile} (${source}): nothing was imported`,
    `  rows read ${n(report.rowsRead)} · imported ${n(report.rowsImported)} · rejected ${n(report.rowsRejected)}`,
    `  cutoff ${report.cutoffDate} (${report.cutoffSource === 'given' ? 'given' : 'from the tape'}) · ${report.seconds.toFixed(1)} s · ${n(Math.round(report.rowsPerSecond))} rows/s`,
  ];
  if (report.extraColumns.length > 0) lines.push(`  kept as extra attributes: ${report.extraColumns.join(', ')}`);
  for (const note of report.notes) lines.push(`  note: ${note}`);
  if (report.problems.length > 0) {
    lines.push(`First problems (${n(report.problemCount)} in all):`);
    for (const p of report.problems.slice(0, 10)) lines.push(`  ${p.message}`);
  }
  return lines.join('\n');
}

export async function importCommand(args: readonly string[], service: Service, io: CommandIO): Promise<void> {
  const { values, positionals } = parseArgs({
    args: [...args],
    options: {
      db: { type: 'string' },
      name: { type: 'string' },
      cutoff: { type: 'string' },
      mapping: { type: 'string' },
      sheet: { type: 'string' },
      encoding: { type: 'string' },
      delimiter: { type: 'string' },
      'keep-valid': { type: 'boolean' },
      'allow-duplicate': { type: 'boolean' },
      json: { type: 'boolean' },
      quiet: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    allowPositionals: true,
    strict: true,
  });
  if (values.help) {
    io.out(IMPORT_HELP);
    return;
  }
  const [file, ...extra] = positionals;
  if (!file) throw new UsageError('import needs a FILE (see abs import --help)');
  if (extra.length > 0) throw new UsageError(`unexpected argument '${extra[0] ?? ''}'`);
  if (!values.db) throw new UsageError('import needs --db WORKSPACE');
  const cutoffDate = cutoffOption(values.cutoff);
  const delimiter = delimiterOption(values.delimiter);
  const mappingFile = values.mapping ? readMappingFile(values.mapping) : undefined;

  unwrap(await service.call('workspace.open', { path: values.db }));
  const job = unwrap(
    await service.call('tape.import', {
      source: { kind: 'path', path: file },
      mode: values['keep-valid'] ? 'keepValid' : 'reject',
      ...(values.name !== undefined ? { name: values.name } : {}),
      ...(cutoffDate !== undefined ? { cutoffDate } : {}),
      ...(mappingFile ? { mapping: mappingFile.mapping } : {}),
      ...(mappingFile?.limits ? { limits: mappingFile.limits } : {}),
      ...(values.sheet !== undefined ? { sheet: values.sheet } : {}),
      ...(values.encoding !== undefined ? { encoding: values.encoding } : {}),
      ...(delimiter !== undefined ? { delimiter } : {}),
      ...(values['allow-duplicate'] ? { allowDuplicate: true } : {}),
    }),
  );
  const finished = await followJob(service, job, `import ${basename(file)}`, values.quiet === true || values.json === true);
  if (finished.error) throw new ApiCallError(finished.error);
  const report = importReportOf(finished);
  if (!report) throw new Error('import finished without a report');
  io.out(values.json ? JSON.stringify(report, null, 2) : formatImportReport(report));
  if (report.status === 'rejected') {
    throw new ApiCallError({
      code: 'TAPE_REJECTED',
      message: `${report.sourceFile} rejected: ${report.rowsRejected.toLocaleString('en-US')} of ${report.rowsRead.toLocaleString('en-US')} rows have problems; nothing was imported (use --keep-valid to import the valid rows)`,
    });
  }
}

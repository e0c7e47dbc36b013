import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { ScheduleRecord, ScheduleUnit } from '../../service/api/contract.ts';
import type { Service } from '../../service/service.ts';
import { UsageError } from '../output.ts';
import { unwrap, type CommandIO } from '../run.ts';

const IMPORT_HELP = `Usage: abs import-schedule FILE --db WORKSPACE --name NAME --unit 元|万元 [options]

Imports a projected collection schedule (现金流归集表; CSV or XLSX) into a workspace as one
transaction: per collection period its end date, opening balance, scheduled principal and
interest or fee, and optionally prepayments, defaults, recoveries and delinquent balance. A deal
file names it as "schedulePool": {"schedule": NAME} (docs/schedule-pools.md).

Options:
  --db FILE            the workspace (created if missing)
  --name NAME          the schedule's name in the workspace
  --unit 元|万元       the amounts' unit (circulars print 单位：人民币万元 above the table); default the
                       unit the headers state, e.g. 期初本金余额（万元）; refused when neither says
  --cutoff YYYY-MM-DD  the pool's initial cut-off date (初始起算日), kept with the schedule
  --sheet NAME         XLSX sheet (default: the first)
  --encoding E         CSV text encoding: utf-8, gbk, gb18030, utf-16le (default: detected)
  --json               print the stored schedule as JSON

  abs schedule list --db FILE [--json]                  the workspace's schedules
  abs schedule show --db FILE --name NAME [--json]      a schedule's rows (yuan)
  abs schedule delete --db FILE --name NAME             delete a schedule`;

const yuan = (x: number): string => x.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

function describe(s: ScheduleRecord): string {
  return `Schedule "${s.name}": ${s.periods} collection periods, opening balance ¥${yuan(s.openingBalance)} (read in ${s.unit} from ${s.sourceFile}${s.cutoffDate ? `, cutoff ${s.cutoffDate}` : ''})`;
}

function unitOf(text: string | undefined): ScheduleUnit | undefined {
  if (text === undefined) return undefined;
  if (text === '元' || text === 'yuan') return '元';
  if (text === '万元' || text === 'wan') return '万元';
  throw new UsageError(`--unit must be 元 or 万元 (or yuan / wan), got '${text}'`);
}

export async function importScheduleCommand(args: readonly string[], service: Service, io: CommandIO): Promise<void> {
  const { values, positionals } = parseArgs({
    args: [...args],
    allowPositionals: true,
    options: {
      db: { type: 'string' },
      name: { type: 'string' },
      unit: { type: 'string' },
      cutoff: { type: 'string' },
      sheet: { type: 'string' },
      encoding: { type: 'string' },
      json: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help) {
    io.out(IMPORT_HELP);
    return;
  }
  const [file, ...extra] = positionals;
  if (file === undefined || extra.length > 0) throw new UsageError('import-schedule takes one FILE (see abs import-schedule --help)');
  if (!values.db) throw new UsageError('import-schedule needs --db WORKSPACE');
  if (!values.name) throw new UsageError('import-schedule needs --name NAME (how a deal file will name it)');
  const unit = unitOf(values.unit);
  unwrap(await service.call('workspace.open', { path: values.db, create: true }));
  const stored = unwrap(
    await service.call('schedule.import', {
      source: { kind: 'path', path: resolve(file) },
      name: values.name,
      ...(unit ? { unit } : {}),
      ...(values.cutoff ? { cutoffDate: values.cutoff } : {}),
      ...(values.sheet ? { sheet: values.sheet } : {}),
      ...(values.encoding ? { encoding: values.encoding } : {}),
    }),
  );
  io.out(values.json ? JSON.stringify(stored, null, 2) : describe(stored));
}

export async function scheduleCommand(args: readonly string[], service: Service, io: CommandIO): Promise<void> {
  const [sub, ...rest] = args;
  if (sub === undefined || sub === '--help' || sub === '-h') {
    io.out(IMPORT_HELP);
    return;
  }
  const { values } = parseArgs({ args: [...rest], options: { db: { type: 'string' }, name: { type: 'string' }, json: { type: 'boolean' } }, strict: true });
  if (!values.db) throw new UsageError(`schedule ${sub} needs --db WORKSPACE`);
  if (sub !== 'list' && sub !== 'show' && sub !== 'delete') throw new UsageError(`unknown schedule command '${sub}' (expected: list, show, delete)`);
  if (sub !== 'list' && !values.name) throw new UsageError(`schedule ${sub} needs --name NAME`);
  unwrap(await service.call('workspace.open', { path: values.db, create: false }));
  const name = values.name ?? '';
  if (sub === 'list') {
    const schedules = unwrap(await service.call('schedule.list', {}));
    io.out(values.json ? JSON.stringify(schedules, null, 2) : schedules.length === 0 ? 'No schedules in this workspace (abs import-schedule FILE … adds one).' : schedules.map(describe).join('\n'));
  } else if (sub === 'show') {
    const { schedule, rows } = unwrap(await service.call('schedule.get', { name }));
    const lines = rows.map((r) => [r.periodEnd, yuan(r.openingBalance), yuan(r.scheduledPrincipal), yuan(r.interest)].join('  '));
    io.out(values.json ? JSON.stringify({ schedule, rows }, null, 2) : [describe(schedule), 'Period end  Opening balance (¥)  Scheduled principal (¥)  Interest/fee (¥)', ...lines].join('\n'));
  } else {
    unwrap(await service.call('schedule.delete', { name }));
    io.out(values.json ? JSON.stringify({ deleted: name }) : `Deleted schedule "${name}"`);
  }
}

import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { ReportExcelRequest } from '../../service/api/contract.ts';
import type { Service } from '../../service/service.ts';
import { formatBytes, readJsonFile, UsageError } from '../output.ts';
import { followJob } from '../progress.ts';
import { ApiCallError, unwrap, unwrapFile, type CommandIO } from '../run.ts';
import { baseOf } from './run-scenarios.ts';

const REPORT_HELP = `Usage: abs report DEAL.json (--runs ID,… | --scenarios SET.json) [--db WORKSPACE [--tape ID [--mode repline|loan]]]
                  --out FILE.xlsx [--lang en|zh-CN] [--assumptions A.json]

Writes the Excel tranche report of one deal: Summary (tranche table per scenario), Scenario
comparison, Assumptions, per scenario the pool's and each note's cash flows and the accounts and
triggers, and the tape's strats (docs/reports.md).

  --runs ID,…      stored runs of --db (abs runs list): deal runs, and breakevens of the same inputs
  --scenarios SET  a scenario set, each scenario run now (and stored in --db's run store)
  --out FILE.xlsx  written atomically (a temporary file renamed over it)
  --lang           label language: en (default) or zh-CN`;

function runIdsOf(text: string): number[] {
  const ids = text.split(',').map((s) => s.trim());
  for (const id of ids) if (!/^\d+$/.test(id) || Number(id) < 1) throw new UsageError(`--runs takes run ids separated by commas (abs runs list shows them), got '${id}'`);
  return ids.map(Number);
}

export async function reportCommand(args: readonly string[], service: Service, io: CommandIO): Promise<void> {
  const { values, positionals } = parseArgs({
    args: [...args],
    allowPositionals: true,
    options: {
      db: { type: 'string' },
      tape: { type: 'string' },
      mode: { type: 'string' },
      assumptions: { type: 'string' },
      runs: { type: 'string' },
      scenarios: { type: 'string' },
      out: { type: 'string' },
      lang: { type: 'string' },
      quiet: { type: 'boolean', short: 'q' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help) {
    io.out(REPORT_HELP);
    return;
  }
  const [dealPath, ...extra] = positionals;
  if (dealPath === undefined) throw new UsageError('report needs a deal file: abs report DEAL.json --runs ID,… --out FILE.xlsx');
  if (extra.length > 0) throw new UsageError(`report takes one deal file, got also ${extra.join(' ')}`);
  if ((values.runs === undefined) === (values.scenarios === undefined)) throw new UsageError('give either --runs ID,… (stored runs) or --scenarios SET.json');
  if (values.out === undefined) throw new UsageError('report needs --out FILE.xlsx');
  if (values.runs !== undefined && values.db === undefined) throw new UsageError('--runs needs --db WORKSPACE (the workspace that stores the runs)');
  for (const option of ['tape', 'mode', 'assumptions'] as const) {
    if (values.runs !== undefined && values[option] !== undefined) throw new UsageError(`--${option} goes with --scenarios: stored runs keep their own pool and assumptions`);
  }
  if (values.tape !== undefined && values.db === undefined) throw new UsageError('--tape ID needs --db WORKSPACE (the workspace that holds the tape)');
  if (values.tape !== undefined && !/^\d+$/.test(values.tape)) throw new UsageError(`--tape must be a whole number, got '${values.tape}'`);
  if (values.mode !== undefined && values.mode !== 'loan' && values.mode !== 'repline') throw new UsageError(`--mode must be loan or repline, got '${values.mode}'`);
  if (values.lang !== undefined && values.lang !== 'en' && values.lang !== 'zh-CN') throw new UsageError(`--lang must be en or zh-CN, got '${values.lang}'`);
  const runIds = values.runs === undefined ? undefined : runIdsOf(values.runs);
  const { deal } = unwrapFile(await service.call('deal.validate', { deal: readJsonFile(dealPath, 'deal file') }), { what: 'deal file', path: dealPath });
  if (values.db !== undefined) unwrap(await service.call('workspace.open', { path: values.db, create: false }));
  const assumptions =
    values.assumptions !== undefined
      ? unwrapFile(await service.call('assumptions.check', { assumptions: readJsonFile(values.assumptions, 'assumptions') }), { what: 'assumption file', path: values.assumptions }).assumptions
      : undefined;
  const common = {
    deal,
    outPath: resolve(values.out),
    ...(values.lang === 'zh-CN' ? { language: 'zh-CN' as const } : {}),
    ...(values.tape !== undefined ? { tapeId: Number(values.tape) } : {}),
    ...(values.mode !== undefined ? { mode: values.mode === 'loan' ? ('loan' as const) : ('repline' as const) } : {}),
  };
  let request: ReportExcelRequest;
  if (runIds !== undefined) {
    request = { ...common, runIds };
  } else {
    const setPath = values.scenarios ?? '';
    const checked = unwrapFile(await service.call('scenarios.check', { scenarios: readJsonFile(setPath, 'scenario set'), ...(common.tapeId !== undefined ? { tapeId: common.tapeId } : {}) }), {
      what: 'scenario set',
      path: setPath,
    });
    const base = await baseOf(checked.set, setPath, { deal, ...(assumptions !== undefined ? { assumptions } : {}) }, service);
    const baseFile = assumptions ?? base.assumptions;
    request = { ...common, scenarios: checked.set, ...(baseFile !== undefined ? { assumptions: baseFile } : {}) };
  }
  const job = await followJob(service, unwrap(await service.call('report.excel', request)), 'report', values.quiet === true);
  if (job.error) throw new ApiCallError(job.error);
  if (job.result?.kind !== 'report.excel') throw new Error('the report finished without a result');
  const { report } = job.result;
  io.out(`Wrote ${report.path ?? report.fileName} (${formatBytes(report.bytes)}): ${report.sheets.length} sheets — ${report.sheets.join(', ')}`);
  io.out(`Scenarios: ${report.scenarios.map((s) => `${s.name}${s.runId === null ? ' (not stored)' : ` (run #${s.runId})`}`).join(' · ')}`);
}

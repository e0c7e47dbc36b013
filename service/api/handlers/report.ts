import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { UserError } from '../../../data/errors.ts';
import { readDealFile } from '../../files/deal-file.ts';
import { reportModel, scenariosFromRuns, scenariosFromSet } from '../../report/assemble.ts';
import { investorPack } from '../../report/pack.ts';
import type { DealFile, InvestorPack, JobInfo, JobResultOf, ReportExcelRequest } from '../contract.ts';
import type { ServiceContext } from '../context.ts';
import { JOB_TITLES } from '../../jobs/job-titles.ts';
import { exportFileName } from '../../../messages/file-name.ts';

/**
 * "消费贷-2027-1-revolving-consumer-loan-ABS-tranche-report.xlsx" for the deal "消费贷 2027-1
 * revolving consumer-loan ABS": its letters and digits, each run of other characters one '-', like
 * every composed file name (messages/file-name.ts); the workbook itself keeps the deal's name as written.
 */
function fileNameOf(deal: DealFile | undefined): string {
  return exportFileName([(deal?.name ?? '').slice(0, 100), 'tranche report'], 'xlsx');
}

/**
 * Where the workbook goes: the request's absolute .xlsx path (desktop, CLI), or over the browser
 * transport — which never writes a path the page names, as it never reads one (tapes arrive as
 * uploads) — a private file in the service's scratch folder, fetched once the job is done.
 */
function target(params: ReportExcelRequest, service: ServiceContext, fileName: string): { path: string; download: boolean } {
  if (service.transport === 'http') {
    if (params.outPath !== undefined)
      throw new UserError('PATH_NOT_ALLOWED', 'In the browser the report is a download: leave out outPath (a path on this computer is not written)', { path: '$.outPath' });
    const folder = join(service.scratchDir(), 'downloads', randomUUID());
    mkdirSync(folder, { recursive: true });
    return { path: join(folder, fileName), download: true };
  }
  if (params.outPath === undefined || !isAbsolute(params.outPath) || !params.outPath.toLowerCase().endsWith('.xlsx')) {
    throw new UserError('BAD_REQUEST', `The report's output is an absolute path ending in .xlsx, got ${params.outPath ?? 'none'}`, { path: '$.outPath' });
  }
  return { path: params.outPath, download: false };
}

/** Writes the tranche workbook (a job): stored runs, or a scenario set run through the run store. */
export function reportExcel(params: ReportExcelRequest, service: ServiceContext): JobInfo {
  if ((params.runIds === undefined) === (params.scenarios === undefined)) {
    throw new UserError('BAD_REQUEST', 'A report takes either runIds (stored runs) or scenarios (a scenario set with its deal), not both or neither');
  }
  const deal = params.deal === undefined ? undefined : readDealFile(params.deal);
  if (params.scenarios !== undefined && deal === undefined) throw new UserError('BAD_REQUEST', 'A report of a scenario set needs its deal', { path: '$.deal' });
  if (params.runIds !== undefined) service.requireWorkspace();
  const stored = params.runIds !== undefined ? scenariosFromRuns(params.runIds, service) : null;
  const fileName = fileNameOf(deal ?? stored?.scenarios[0]?.inputs.deal);
  const out = target(params, service, fileName);
  return service.jobs.start('report.excel', deal?.name ? JOB_TITLES.say('excelReportOf', { deal: deal.name }) : JOB_TITLES.say('excelReport'), async (ctx): Promise<JobResultOf<'report.excel'>> => {
    const started = performance.now();
    const { setName, runs } =
      stored !== null
        ? { setName: null, runs: stored }
        : await scenariosFromSet(params, deal ?? readDealFile(params.deal), service, (done, total) =>
            ctx.progress({ fraction: done / total, done, unit: 'scenarios', rate: null, message: `${done} of ${total} scenarios run` }),
          ).then((set) => ({ setName: set.setName, runs: { scenarios: set.scenarios, grids: [], monteCarlo: [] } }));
    const { scenarios } = runs;
    const model = reportModel(runs, setName, params.language ?? 'en', service, deal);
    // Loaded here, not with the service: exceljs alone costs ~0.1 s of start-up that no other call needs.
    const { buildWorkbook, writeWorkbookFile } = await import('../../report/workbook.ts');
    const workbook = buildWorkbook(model);
    const bytes = await writeWorkbookFile(workbook, out.path);
    return {
      kind: 'report.excel',
      report: {
        path: out.download ? null : out.path,
        fileName,
        downloadId: out.download ? service.registerDownload(fileName, out.path) : null,
        bytes,
        sheets: workbook.worksheets.map((s) => s.name),
        scenarios: scenarios.map((s) => ({ name: s.name, runId: s.runId })),
      },
      seconds: (performance.now() - started) / 1000,
    };
  });
}

/** The investor pack's numbers of stored runs: the report model the workbook is written from. */
export function reportPack(params: { runIds: readonly number[]; language?: 'en' | 'zh-CN' }, service: ServiceContext): InvestorPack {
  service.requireWorkspace();
  return investorPack(reportModel(scenariosFromRuns(params.runIds, service), null, params.language ?? 'en', service));
}

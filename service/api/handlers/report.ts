import { isAbsolute } from 'node:path';
import { UserError } from '../../../data/errors.ts';
import { readDealFile } from '../../files/deal-file.ts';
import { scenariosFromRuns, scenariosFromSet, reportModel } from '../../report/assemble.ts';
import { buildWorkbook, writeWorkbookFile } from '../../report/workbook.ts';
import type { JobInfo, JobResultOf, ReportExcelRequest } from '../contract.ts';
import type { ServiceContext } from '../context.ts';

/**
 * Writes the tranche workbook (a job). Over the browser transport a request may not name a path
 * on this machine: the HTTP server only writes inside its own folders (as workspaces are confined).
 */
export function reportExcel(params: ReportExcelRequest, service: ServiceContext): JobInfo {
  if ((params.runIds === undefined) === (params.scenarios === undefined)) {
    throw new UserError('BAD_REQUEST', 'A report takes either runIds (stored runs) or scenarios (a scenario set with its deal), not both or neither');
  }
  if (service.transport === 'http') throw new UserError('BAD_REQUEST', 'Over the browser transport a report cannot be written to a path of this machine');
  if (!isAbsolute(params.outPath) || !params.outPath.toLowerCase().endsWith('.xlsx')) {
    throw new UserError('BAD_REQUEST', `The report's output is an absolute path ending in .xlsx, got ${params.outPath}`, { path: '$.outPath' });
  }
  const deal = params.deal === undefined ? undefined : readDealFile(params.deal);
  if (params.scenarios !== undefined && deal === undefined) throw new UserError('BAD_REQUEST', 'A report of a scenario set needs its deal', { path: '$.deal' });
  if (params.runIds !== undefined) service.requireWorkspace();
  return service.jobs.start('report.excel', `Excel report${deal?.name ? ` of ${deal.name}` : ''}`, async (ctx): Promise<JobResultOf<'report.excel'>> => {
    const started = performance.now();
    const { setName, scenarios } =
      params.runIds !== undefined
        ? { setName: null, scenarios: scenariosFromRuns(params.runIds, service) }
        : await scenariosFromSet(params, deal ?? readDealFile(params.deal), service, (done) => ctx.progress({ fraction: null, done, unit: 'scenarios', rate: null, message: `${done} scenarios run` }));
    const model = reportModel(scenarios, setName, params.language ?? 'en', service, deal);
    const workbook = buildWorkbook(model);
    const bytes = await writeWorkbookFile(workbook, params.outPath);
    return {
      kind: 'report.excel',
      report: { path: params.outPath, bytes, sheets: workbook.worksheets.map((s) => s.name), scenarios: scenarios.map((s) => ({ name: s.name, runId: s.runId })) },
      seconds: (performance.now() - started) / 1000,
    };
  });
}

import type { Method, RequestOf, ResponseOf } from '../contract.ts';
import type { ServiceContext } from '../context.ts';
import { appVersion } from './app.ts';
import { assumptionsCheck, assumptionsDelete, assumptionsExample, assumptionsList, assumptionsSave } from './assumptions.ts';
import { dealBreakeven, dealGrid, dealMonteCarlo, dealPriceYield, dealRun, dealRunScenarios, dealSize, dealTemplates, dealValidate } from './deal.ts';
import { dealTables } from '../../runs/prospectus-tables.ts';
import { jobCancel, jobGet, jobList } from './jobs.ts';
import { mappingDelete, mappingList, mappingSave } from './mapping.ts';
import { scenariosTemplates } from './scenario-templates.ts';
import { scenariosCheck, scenariosDelete, scenariosGet, scenariosList, scenariosSave } from './scenarios.ts';
import { reportExcel, reportPack } from './report.ts';
import { runsDelete, runsGet, runsList, runsRename } from './runs.ts';
import { poolCheck, poolDimensions, poolProject, poolStrat, poolStratCsv, poolSummaryHandler } from './pool.ts';
import { tapeDelete, tapeFields, tapeGet, tapeImport, tapeImportSample, tapeList, tapePreview, tapeRejects, tapeRejectsCsv, tapeRename } from './tapes.ts';
import { staticPoolFit, staticPoolPreview } from './static-pool.ts';
import { scheduleDelete, scheduleGet, scheduleImport, scheduleList } from './schedules.ts';
import { workspaceInfo, workspaceOpen } from './workspace.ts';

export type Handler<M extends Method> = (params: RequestOf<M>, service: ServiceContext) => ResponseOf<M> | Promise<ResponseOf<M>>;

/** One handler per API call; the mapped type makes a missing or mistyped handler a compile error. */
export const HANDLERS: { readonly [M in Method]: Handler<M> } = {
  'app.version': appVersion,
  'workspace.open': workspaceOpen,
  'workspace.info': workspaceInfo,
  'job.get': jobGet,
  'job.list': jobList,
  'job.cancel': jobCancel,
  'tape.fields': tapeFields,
  'tape.preview': tapePreview,
  'tape.import': tapeImport,
  'tape.importSample': tapeImportSample,
  'tape.list': tapeList,
  'tape.get': tapeGet,
  'tape.rename': tapeRename,
  'tape.delete': tapeDelete,
  'tape.rejects': tapeRejects,
  'tape.rejectsCsv': tapeRejectsCsv,
  'pool.dimensions': poolDimensions,
  'pool.summary': poolSummaryHandler,
  'pool.strat': poolStrat,
  'pool.stratCsv': poolStratCsv,
  'pool.check': poolCheck,
  'pool.project': poolProject,
  'assumptions.check': assumptionsCheck,
  'assumptions.example': assumptionsExample,
  'assumptions.list': assumptionsList,
  'assumptions.save': assumptionsSave,
  'assumptions.delete': assumptionsDelete,
  'deal.templates': dealTemplates,
  'deal.validate': dealValidate,
  'deal.run': dealRun,
  'deal.breakeven': dealBreakeven,
  'deal.size': dealSize,
  'deal.priceYield': dealPriceYield,
  'scenarios.check': scenariosCheck,
  'scenarios.list': scenariosList,
  'scenarios.get': scenariosGet,
  'scenarios.save': scenariosSave,
  'scenarios.delete': scenariosDelete,
  'scenarios.templates': scenariosTemplates,
  'deal.runScenarios': dealRunScenarios,
  'deal.monteCarlo': dealMonteCarlo,
  'deal.grid': dealGrid,
  'report.excel': reportExcel,
  'report.pack': reportPack,
  'runs.list': runsList,
  'runs.get': runsGet,
  'runs.rename': runsRename,
  'runs.delete': runsDelete,
  'mapping.list': mappingList,
  'mapping.save': mappingSave,
  'mapping.delete': mappingDelete,
  'staticPool.preview': staticPoolPreview,
  'staticPool.fit': staticPoolFit,
  'deal.tables': dealTables,
  'schedule.import': scheduleImport,
  'schedule.list': scheduleList,
  'schedule.get': scheduleGet,
  'schedule.delete': scheduleDelete,
};

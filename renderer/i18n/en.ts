/**
 * The UI's English messages: the reference catalogue. Every key here must be in zh-CN.ts (the
 * type makes a missing or extra key a typecheck error). Keys read `<area>.<what>`; `{name}` is a
 * parameter given to t(). How to add a string: docs/architecture.md, "Messages and languages".
 */
export const en = {
  // app frame
  'app.productName': 'ABS Workbench',
  'app.workspace': 'Workspace',
  'app.workspaceTitle': 'Workspace file — click to open another',
  'app.noWorkspace': 'none open',
  'app.areas': 'Areas',
  'app.language': 'Language',
  'nav.tapes': 'Tapes',
  'nav.tapes.summary': 'Import loan tapes (CSV/XLSX) and review rejected rows',
  'nav.pool': 'Pool',
  'nav.pool.summary': 'Pool summary and stratifications',
  'nav.assumptions': 'Assumptions',
  'nav.assumptions.summary': 'Prepayment, default, delinquency and recovery curves by segment',
  'nav.deal': 'Deal',
  'nav.deal.summary': 'Notes, fees, reserve account, triggers, revolving period and priority of payments',
  'nav.results': 'Results',
  'nav.results.summary': 'Pool and tranche cash flows, WAL, yield, loss, reserve draws, trigger breaches',
  'nav.runs': 'Runs',
  'nav.runs.summary': 'Stored runs of this workspace: reopen, rename, delete',
  'nav.compare': 'Compare',
  'nav.compare.summary': 'Scenarios side by side, breakevens and sensitivity grids',
  'nav.reports': 'Reports',
  'nav.reports.summary': 'Formatted Excel tranche reports for investors',
  'nav.workspace': 'Workspace',
  'nav.workspace.summary': 'The workspace file: open, create, details',
  // status bar
  'status.working': 'Working: {calls}',
  'status.ready': 'Ready',
  'status.schema': 'Schema v{version}',
  'status.desktop': 'Desktop',
  'status.browser': 'Browser (local HTTP)',
  // units
  'unit.months': '{months} mo',
} as const satisfies Readonly<Record<string, string>>;

export type MessageKey = keyof typeof en;

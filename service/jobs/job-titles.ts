/**
 * A job's title (the status bar, the job list) by code: `JobInfo.titleCoded`, whose English
 * `message` is the job's `title` the CLI and the API's existing readers show. A deal without a
 * name and the tape a deal job runs on are nested pieces, so each language orders them itself.
 */
import { messageTable, type CodedMessage } from '../../engine/messages.ts';

const grouped = (n: number): string => n.toLocaleString('en-US');

export const JOB_TITLES = messageTable('jobTitle', {
  importTape: (p: { file: string }) => `Import ${p.file}`,
  importSample: (p: { loans: number }) => `Import sample tape (${grouped(p.loans)} loans)`,
  projectPoolFile: (p: { pool: string; lines: number }) => `Project ${p.pool} (${grouped(p.lines)} lines)`,
  projectRepline: (p: { tape: string }) => `Project ${p.tape} (representative lines)`,
  projectLoanLevel: (p: { tape: string }) => `Project ${p.tape} (loan level)`,
  dealRun: (p: { deal: CodedMessage | string }) => `Run ${text(p.deal)}`,
  dealBreakevens: (p: { deal: CodedMessage | string }) => `Breakevens of ${text(p.deal)}`,
  dealSizing: (p: { deal: CodedMessage | string }) => `Sizing ${text(p.deal)}`,
  dealScenarios: (p: { deal: CodedMessage | string }) => `Scenarios on ${text(p.deal)}`,
  dealGrid: (p: { rows: CodedMessage; columns: CodedMessage; deal: CodedMessage | string }) => `Grid ${p.rows.message} × ${p.columns.message} on ${text(p.deal)}`,
  dealMonteCarlo: (p: { paths: string; deal: CodedMessage | string }) => `Monte Carlo (${p.paths} paths) of ${text(p.deal)}`,
  /** A deal job on a tape: the job's own title, then the tape. */
  onTape: (p: { job: CodedMessage; tape: string }) => `${p.job.message} on ${p.tape}`,
  unnamedDeal: () => 'deal',
  excelReport: () => 'Excel report',
  excelReportOf: (p: { deal: string }) => `Excel report of ${p.deal}`,
});

function text(piece: CodedMessage | string): string {
  return typeof piece === 'string' ? piece : piece.message;
}

/** A deal file's name as a piece of a title: its own name, else "deal" in the screen's language. */
export function dealPiece(name: string | undefined): CodedMessage | string {
  return name ?? JOB_TITLES.say('unnamedDeal');
}

/** A deal job's title, on its tape when it runs on one. */
export function onTapeTitle(job: CodedMessage, tape: { readonly name: string } | null): CodedMessage {
  return tape ? JOB_TITLES.say('onTape', { job, tape: tape.name }) : job;
}

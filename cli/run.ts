import pkg from '../package.json' with { type: 'json' };
import type { ApiError, ApiResult } from '../service/api/contract.ts';
import type { Service } from '../service/service.ts';
import { bundledWorkerUrl } from './bundle.ts';
import { EXIT_INTERNAL_ERROR, EXIT_OK, EXIT_USER_ERROR, UsageError } from './output.ts';

export interface CommandIO {
  out(text: string): void;
  err(text: string): void;
}

const HELP = `abs — ${pkg.productName} ${pkg.version} on the command line

Usage: abs <command> [options]

Commands:
  workspace info --db FILE [--json]                 show (and create if missing) a workspace
  import FILE --db FILE [--keep-valid] [--json]     import a loan tape (CSV or XLSX)
  tape list|rename|delete --db FILE                 list, rename or delete tapes
  import-schedule FILE --db FILE --name N --unit 万元 import a collection schedule (现金流归集表)
  schedule list|show|delete --db FILE               list, show or delete collection schedules
  strat --db FILE --tape ID --by FIELD [--json]      stratify a tape's pool (balance, rate, term, …)
  project --db FILE --tape ID --assumptions A.json  project the pool's monthly cash flows
          [--mode repline]  or  --pool POOL.json      (representative lines; a pool file)
  run DEAL.json [--db FILE --tape ID] [--breakeven]  run a deal: waterfall, tranche analytics
      [--scenarios SET.json]                        every scenario of a set, side by side
      [--size-to-pool]                              scale every class to the tape's pool
  size DEAL.json [--db FILE --tape ID | --pool P.json] [--target-ce X | --target-breakeven M]
                                                    size the notes to the pool; write the sized deal
  runs list|show|rename|delete --db FILE [--json]   stored runs: list, reopen, rename, delete
  tables DEAL.json --speeds "0.5,1,1.5 ABS"          prospectus tables: WAL, window, decrement
      [--call|--no-call|--both] [--csv|--json]      tables by speed, to call and to maturity
  report DEAL.json (--runs ID,… | --scenarios SET.json) --out FILE.xlsx [--lang zh-CN]
                                                    the Excel tranche report of stored runs or a set
  sample --loans N --seed S --out FILE [--format csv|xlsx]
                                                    write a synthetic consumer-loan tape
  static-pool FILE… [--save NAME --db FILE] [--json] fit a static pool (静态池): lifetime default,
                                                    timing, CPR and roll rates, as an assumption set
  batch FILE                                        run a file of abs command lines in one process
  calendar check DATE… --calendar CN|US-SIFMA|US-FED business day? and the following / modified-following roll

Options:
  -h, --help      show this help (also: abs <command> --help)
  -v, --version   print the version

Exit codes: 0 ok, 1 user error (on stderr: what is wrong; a file's problems one a line,
or with --json as one line of JSON), 2 internal error.`;

/** A failed API call: user errors carry their code, INTERNAL ones exit 2; a check of a file names the file. */
export class ApiCallError extends Error {
  readonly error: ApiError;
  readonly file: FileNamed | undefined;
  constructor(error: ApiError, file?: FileNamed) {
    super(error.message);
    this.error = error;
    this.file = file;
  }
}

export function unwrap<T>(result: ApiResult<T>): T {
  if (!result.ok) throw new ApiCallError(result.error);
  return result.value;
}

/** A file named on the command line: what it is (`deal file`) and its path as given. */
export interface FileNamed {
  readonly what: string;
  readonly path: string;
}

/** A service check of a file the user named: its problems are printed under the file's name. */
export function unwrapFile<T>(result: ApiResult<T>, file: FileNamed): T {
  if (!result.ok) throw new ApiCallError(result.error, file);
  return result.value;
}

/** The problems a file check lists (service/files/file-issues.ts: details.issues, each `{ path, message }` and a rule's `code` and `params`). */
function listedIssues(error: ApiError): { path: string; message: string }[] {
  const listed = error.details?.['issues'];
  if (!Array.isArray(listed)) return [];
  return listed.filter((issue: unknown): issue is { path: string; message: string } => {
    const { path, message } = (issue ?? {}) as { path?: unknown; message?: unknown };
    return typeof path === 'string' && typeof message === 'string';
  });
}

/**
 * A failed call as stderr shows it: a file's problems one a line under the file's name (a new
 * user's typo was the unseen "1 more problem" of one line), anything else its message; with --json
 * a file's problems as one line of JSON, each problem an entry.
 */
function errorText({ error, file }: ApiCallError, json: boolean): string {
  const issues = listedIssues(error);
  if (issues.length === 0) return `abs: ${error.message}`;
  if (json) return JSON.stringify({ error: { code: error.code, message: error.message, ...(file !== undefined ? { file: file.path } : {}), issues } });
  const lines = issues.map((issue) => `  ${issue.path}: ${issue.message}`);
  // A check of what the command line did not name as a file (a deal inside a larger request): the message, then every problem.
  if (file === undefined) return issues.length === 1 ? `abs: ${error.message}` : [`abs: ${error.message}`, ...lines].join('\n');
  return [`abs: ${file.what} ${file.path} has ${issues.length === 1 ? '1 problem' : `${issues.length} problems`}:`, ...lines].join('\n');
}

/** A command; one that answers a number exits with it (batch: its worst line's code), else 0. */
type Command = (args: readonly string[], service: Service, io: CommandIO) => Promise<void | number>;

/** Commands load on demand, so `abs --help` does not pay for the whole app. */
const COMMANDS: Readonly<Record<string, () => Promise<Command>>> = {
  workspace: async () => (await import('./commands/workspace.ts')).workspaceCommand,
  import: async () => (await import('./commands/import.ts')).importCommand,
  sample: async () => (await import('./commands/sample.ts')).sampleCommand,
  strat: async () => (await import('./commands/strat.ts')).stratCommand,
  tape: async () => (await import('./commands/tape.ts')).tapeCommand,
  project: async () => (await import('./commands/project.ts')).projectCommand,
  run: async () => (await import('./commands/run.ts')).runCommand,
  size: async () => (await import('./commands/size.ts')).sizeCommand,
  'static-pool': async () => (await import('./commands/static-pool.ts')).staticPoolCommand,
  runs: async () => (await import('./commands/runs.ts')).runsCommand,
  tables: async () => (await import('./commands/tables.ts')).tablesCommand,
  report: async () => (await import('./commands/report.ts')).reportCommand,
  'import-schedule': async () => (await import('./commands/schedule.ts')).importScheduleCommand,
  schedule: async () => (await import('./commands/schedule.ts')).scheduleCommand,
  batch: async () => (await import('./commands/batch.ts')).batchCommand,
  calendar: async () => (await import('./commands/calendar.ts')).calendarCommand,
};

/** Runs one command line; returns the exit code. Never throws. */
export async function runCli(argv: readonly string[], io: CommandIO): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    io.out(HELP);
    return EXIT_OK;
  }
  if (command === '--version' || command === '-v') {
    io.out(pkg.version);
    return EXIT_OK;
  }
  const load = Object.hasOwn(COMMANDS, command) ? COMMANDS[command] : undefined;
  if (!load) {
    io.err(`abs: unknown command '${command}' (see abs --help)`);
    return EXIT_USER_ERROR;
  }
  const [run, { Service: ServiceClass }] = await Promise.all([load(), import('../service/service.ts')]);
  const workerUrl = bundledWorkerUrl();
  const service = new ServiceClass({ transport: 'cli', smallJobsInline: true, ...(workerUrl ? { workerUrl } : {}) });
  try {
    return await runLoaded(command, run, rest, service, io);
  } finally {
    await service.close();
  }
}

/**
 * One command line on a service that is already running: `abs batch` runs every line of its file
 * on one. The same output and exit code as the command alone; never throws. Batch itself is not
 * a command here (a batch file does not run batch files).
 */
export async function runCommandLine(argv: readonly string[], service: Service, io: CommandIO): Promise<number> {
  const [command, ...rest] = argv;
  const load = command !== undefined && command !== 'batch' && Object.hasOwn(COMMANDS, command) ? COMMANDS[command] : undefined;
  if (command === undefined || !load) {
    io.err(`abs: ${command === 'batch' ? 'a batch file cannot run batch' : `unknown command '${command ?? ''}'`} (see abs --help)`);
    return EXIT_USER_ERROR;
  }
  return runLoaded(command, await load(), rest, service, io);
}

async function runLoaded(command: string, run: Command, rest: readonly string[], service: Service, io: CommandIO): Promise<number> {
  try {
    return (await run(rest, service, io)) ?? EXIT_OK;
  } catch (error) {
    if (error instanceof ApiCallError) {
      io.err(errorText(error, rest.includes('--json')));
      return error.error.code === 'INTERNAL' ? EXIT_INTERNAL_ERROR : EXIT_USER_ERROR;
    }
    if (error instanceof UsageError || isParseArgsError(error)) {
      io.err(`abs ${command}: ${(error as Error).message}`);
      return EXIT_USER_ERROR;
    }
    io.err(`abs: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return EXIT_INTERNAL_ERROR;
  }
}

function isParseArgsError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS');
}

import { readFileSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import type { Service } from '../../service/service.ts';
import { EXIT_OK, UsageError } from '../output.ts';
import { runCommandLine, type CommandIO } from '../run.ts';

const BATCH_HELP = `Usage: abs batch FILE

Runs a file of abs command lines, one after another in one process: the engine loads once and
the deal threads stay warm, so a sweep of many runs costs its runs, not one start-up each.

The file is text (UTF-8), one command line a line, as you would type it after "abs" (a leading
"abs" is allowed): words separated by spaces, "double" or 'single' quotes around a word with
spaces, \\" and \\\\ inside double quotes. Blank lines and lines starting with # are skipped.
Relative paths in a line are relative to the file's folder. Any command but batch:

  # prospectus sweep of the template deal
  run deals/cn-consumer-revolving.json
  run deals/cn-consumer-revolving.json --prepay "150 PSA" --default "2 CDR"
  run deals/cn-consumer-revolving.json --scenarios scenarios/stress.json
  tables deals/cn-consumer-revolving.json --speeds "0.5,1,1.5 ABS"

Each line's output is what the command alone prints, after a line "== abs <the line>
(FILE line N)" on stdout. A line that fails prints its error as the command would (stderr) and
the batch goes on. Exit code: 0 when every line succeeded, else the largest of the lines' codes
(1 a user error, 2 an internal one). A last line on stderr counts the lines run and failed.`;

/** One line split into words: spaces separate, quotes group, backslash escapes \\ and " inside double quotes. */
export function splitCommandLine(line: string, where: string): string[] {
  const words: string[] = [];
  let word: string | null = null;
  let quote: '"' | "'" | null = null;
  for (let i = 0; i < line.length; i++) {
    const c = line[i] as string;
    if (quote === null && /\s/.test(c)) {
      if (word !== null) words.push(word);
      word = null;
    } else if (quote === null && (c === '"' || c === "'")) {
      quote = c;
      word ??= '';
    } else if (c === quote) {
      quote = null;
    } else if (quote === '"' && c === '\\' && (line[i + 1] === '"' || line[i + 1] === '\\')) {
      word = (word ?? '') + line[++i];
    } else {
      word = (word ?? '') + c;
    }
  }
  if (quote !== null) throw new UsageError(`${where}: the ${quote === '"' ? 'double' : 'single'} quote opened is never closed`);
  if (word !== null) words.push(word);
  return words;
}

/** Runs the file's lines; answers the exit code (the worst line's), as the batch goes on past a failed line. */
export async function batchCommand(args: readonly string[], service: Service, io: CommandIO): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    io.out(BATCH_HELP);
    return EXIT_OK;
  }
  if (args.length !== 1 || args[0] === undefined) throw new UsageError('takes one FILE of command lines (see abs batch --help)');
  const file = resolve(args[0]);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read ${args[0]}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}`);
  }
  const lines = text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .map((line, i) => ({ no: i + 1, line: line.trim() }))
    .filter(({ line }) => line !== '' && !line.startsWith('#'));
  // Every line is split first, so a quoting mistake anywhere stops the batch before it runs anything.
  const name = basename(file);
  const commands = lines.map(({ no, line }) => {
    const words = splitCommandLine(line, `${name} line ${no}`);
    return { no, line, argv: words[0] === 'abs' ? words.slice(1) : words };
  });
  const here = process.cwd();
  let worst = EXIT_OK;
  let failed = 0;
  const started = performance.now();
  process.chdir(dirname(file));
  try {
    for (const { no, line, argv } of commands) {
      io.out(`== abs ${line.replace(/^abs\s+/, '')} (${name} line ${no})`);
      const code = await runCommandLine(argv, service, io);
      if (code !== EXIT_OK) failed++;
      worst = Math.max(worst, code);
    }
  } finally {
    process.chdir(here);
  }
  io.err(`abs batch: ${commands.length} line${commands.length === 1 ? '' : 's'} run, ${failed} failed, ${((performance.now() - started) / 1000).toFixed(2)} s`);
  return worst;
}

import { EXIT_OK } from './output.ts';
import { runCli } from './run.ts';

// A reader that stops early (`abs run … | head`) closes the pipe: what is left to print has no one
// to read it, which ends the command quietly, as SIGPIPE ends a Unix tool. Any other write error is
// a real fault and is rethrown.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(EXIT_OK);
  });
}

process.exitCode = await runCli(process.argv.slice(2), {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
});

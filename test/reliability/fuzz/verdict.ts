import { FuzzCaseFailure } from '../harness.ts';
import type { CaseEnd } from './runner.ts';
import type { CaseResult } from './protocol.ts';

/**
 * Traces of an error that escaped as a crash: a stack frame, a source position, the word
 * "internal". Linear in the message's length (no nested or leading greedy class: a first version
 * with `[\w/.-]+\.ts:` backtracked for hours over a 1 MB cell echoed in a message).
 */
const CRASH_TRACE = /\n\s+at\s|\.(ts|js|mjs):\d+|internal error/i;
/** A message longer than this buries what is wrong (a 1 MB cell echoed back is no message). */
const MAX_MESSAGE = 2_000;

/**
 * The case's result once the runner saw it end in time, with no polluted prototype and no
 * exception out of the service; an error must carry a user code and a clear message that `names`
 * the file, row, column or JSON path at fault.
 */
export function verdict(input: string, end: CaseEnd, names: RegExp): CaseResult {
  if (end.kind !== 'reply') throw new FuzzCaseFailure(input, `${end.kind}: ${end.detail}`);
  const { result, polluted } = end.reply;
  if (polluted.length > 0) throw new FuzzCaseFailure(input, `polluted ${polluted.join(', ')}`);
  if (result.kind === 'threw') throw new FuzzCaseFailure(input, `an exception escaped the service: ${result.message.slice(0, 1500)}`);
  if (result.kind === 'ran') return result;
  const message = result.message;
  const what = result.kind === 'error' ? `error ${result.code}` : `${result.kind} tape's first problem`;
  if (result.kind === 'error' && (result.code === 'INTERNAL' || !/^[A-Z][A-Z_]+$/.test(result.code))) throw new FuzzCaseFailure(input, `${what}: ${message.slice(0, 1500)}`);
  if (message.length > MAX_MESSAGE) throw new FuzzCaseFailure(input, `${what} is ${message.length.toLocaleString('en-US')} characters long: ${message.slice(0, 300)}…`);
  if (CRASH_TRACE.test(message)) throw new FuzzCaseFailure(input, `${what} reads as a crash: ${message.slice(0, 1500)}`);
  if (result.kind === 'error' && !names.test(message)) throw new FuzzCaseFailure(input, `${what} names no file, row, column or path: ${message}`);
  return result;
}

/** The outcome label tallied in the figures: the result kind, with an error's code. */
export function outcomeOf(result: CaseResult): string {
  return result.kind === 'error' ? `error ${result.code}` : result.kind;
}

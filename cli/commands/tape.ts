import { parseArgs } from 'node:util';
import type { TapeRecord } from '../../service/api/contract.ts';
import type { Service } from '../../service/service.ts';
import { textTable, UsageError } from '../output.ts';
import { unwrap, type CommandIO } from '../run.ts';

const TAPE_HELP = `Usage: abs tape <list|rename|delete> --db WORKSPACE [options]

  abs tape list --db FILE [--json]                 the workspace's tapes
  abs tape rename --db FILE --tape ID --name NAME  rename a tape
  abs tape delete --db FILE --tape ID              delete a tape with its loans and rejected rows`;

function formatTapes(tapes: readonly TapeRecord[]): string {
  if (tapes.length === 0) return 'No tapes in this workspace (abs import FILE --db … adds one).';
  const rows = tapes.map((t) => [
    String(t.id),
    t.name,
    t.cutoffDate,
    t.rowsImported.toLocaleString('en-US'),
    t.currentBalance.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 }),
    t.rowsRejected.toLocaleString('en-US'),
    t.sourceFile,
  ]);
  const header = ['ID', 'Name', 'Cutoff', 'Loans', 'Balance (¥)', 'Rejected', 'Source file'];
  const { line } = textTable(header, rows, new Set([1, 2, 6]));
  return [line(header), ...rows.map(line)].map((text) => text.trimEnd()).join('\n');
}

function tapeId(value: string | undefined): number {
  if (!value || !/^\d+$/.test(value)) throw new UsageError(`--tape must be a tape id (a whole number), got '${value ?? ''}'`);
  return Number(value);
}

export async function tapeCommand(args: readonly string[], service: Service, io: CommandIO): Promise<void> {
  const [sub, ...rest] = args;
  if (sub === undefined || sub === '--help' || sub === '-h') {
    io.out(TAPE_HELP);
    return;
  }
  const { values } = parseArgs({
    args: [...rest],
    options: { db: { type: 'string' }, tape: { type: 'string' }, name: { type: 'string' }, json: { type: 'boolean' } },
    strict: true,
  });
  if (!values.db) throw new UsageError(`tape ${sub} needs --db WORKSPACE`);
  if (sub !== 'list' && sub !== 'rename' && sub !== 'delete') throw new UsageError(`unknown tape command '${sub}' (expected: list, rename, delete)`);
  unwrap(await service.call('workspace.open', { path: values.db, create: false }));
  if (sub === 'list') {
    const tapes = unwrap(await service.call('tape.list', {}));
    io.out(values.json ? JSON.stringify(tapes, null, 2) : formatTapes(tapes));
  } else if (sub === 'rename') {
    if (!values.name) throw new UsageError('tape rename needs --name NAME');
    const tape = unwrap(await service.call('tape.rename', { id: tapeId(values.tape), name: values.name }));
    io.out(values.json ? JSON.stringify(tape, null, 2) : `Tape ${tape.id} is now "${tape.name}"`);
  } else {
    const id = tapeId(values.tape);
    unwrap(await service.call('tape.delete', { id }));
    io.out(values.json ? JSON.stringify({ deleted: id }) : `Deleted tape ${id}`);
  }
}

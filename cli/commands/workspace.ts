import { parseArgs } from 'node:util';
import type { Service } from '../../service/service.ts';
import { formatBytes, formatFields, UsageError } from '../output.ts';
import { unwrap, type CommandIO } from '../run.ts';

const WORKSPACE_HELP = `Usage: abs workspace info --db FILE [--json]

Shows a workspace: path, schema version, creation time and size.
The workspace is created (empty) when FILE does not exist.

Options:
  --db FILE   the workspace file (SQLite)
  --json      print the result as JSON`;

export async function workspaceCommand(args: readonly string[], service: Service, io: CommandIO): Promise<void> {
  const [sub, ...rest] = args;
  if (sub === undefined || sub === '--help' || sub === '-h') {
    io.out(WORKSPACE_HELP);
    return;
  }
  if (sub !== 'info') throw new UsageError(`unknown workspace command '${sub}' (expected: info)`);
  const { values } = parseArgs({
    args: [...rest],
    options: { db: { type: 'string' }, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
    strict: true,
    allowPositionals: false,
  });
  if (values.help) {
    io.out(WORKSPACE_HELP);
    return;
  }
  if (!values.db) throw new UsageError('workspace info needs --db FILE');
  const info = unwrap(await service.call('workspace.open', { path: values.db }));
  if (values.json) {
    io.out(JSON.stringify(info, null, 2));
    return;
  }
  io.out(
    formatFields([
      ['Workspace', info.path],
      ['Schema', `${info.schemaVersion} (this app: ${info.latestSchemaVersion})`],
      ['Created', info.createdAt ?? 'unknown'],
      ['Size', formatBytes(info.sizeBytes)],
      ['Journal', info.journalMode],
      ...(info.backupPath ? ([['Backup', info.backupPath]] as const) : []),
    ]),
  );
}

import { parseArgs } from 'node:util';
import type { StratDimensionId, StratTable } from '../../service/api/contract.ts';
import type { Service } from '../../service/service.ts';
import { formatPct, textTable, UsageError } from '../output.ts';
import { unwrap, type CommandIO } from '../run.ts';

const DIMENSIONS: readonly StratDimensionId[] = ['currentBalance', 'rate', 'remainingTerm', 'originalTerm', 'age', 'amortization', 'segment', 'region', 'creditScore', 'delinquency', 'product'];

const STRAT_HELP = `Usage: abs strat --db WORKSPACE --tape ID --by FIELD [--edges E1,E2,…] [--json | --csv]

Stratifies a tape's pool: count, current balance (¥), % of balance, WAC (annual), WAM and
WALA (months, weighted by current balance) per bucket.

  --by FIELD   ${DIMENSIONS.join(', ')}
  --edges      bucket edges for numeric fields, ascending (rates as decimals: 0.1,0.15,0.2)
  --json       the whole table as JSON
  --csv        the table as CSV (as the app exports it)`;

const num = (x: number | null, digits: number): string => (x === null ? '—' : x.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits }));

function formatStratText(table: StratTable): string {
  const header = [table.label, 'Loans', 'Balance (¥)', 'Balance %', 'WAC', 'WAM (mo)', 'WALA (mo)'];
  const rows = [...table.rows, { ...table.total, label: 'Total' }].map((r) => [r.label, num(r.count, 0), num(r.balance, 2), formatPct(r.share), formatPct(r.wac), num(r.wam, 1), num(r.wala, 1)]);
  const { widths, line } = textTable(header, rows);
  return [line(header), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.slice(0, -1).map(line), widths.map((w) => '─'.repeat(w)).join('  '), line(rows[rows.length - 1] ?? [])].join('\n');
}

export async function stratCommand(args: readonly string[], service: Service, io: CommandIO): Promise<void> {
  const { values } = parseArgs({
    args: [...args],
    options: {
      db: { type: 'string' },
      tape: { type: 'string' },
      by: { type: 'string' },
      edges: { type: 'string' },
      json: { type: 'boolean' },
      csv: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help) {
    io.out(STRAT_HELP);
    return;
  }
  if (!values.db) throw new UsageError('strat needs --db WORKSPACE');
  if (!values.tape || !/^\d+$/.test(values.tape)) throw new UsageError(`strat needs --tape ID (a whole number), got '${values.tape ?? ''}'`);
  const by = values.by as StratDimensionId | undefined;
  if (!by || !DIMENSIONS.includes(by)) throw new UsageError(`--by must be one of ${DIMENSIONS.join(', ')}, got '${values.by ?? ''}'`);
  let edges: number[] | undefined;
  if (values.edges !== undefined) {
    edges = values.edges.split(',').map((e) => Number(e.trim()));
    const bad = values.edges.split(',').find((e, i) => e.trim() === '' || !Number.isFinite(edges?.[i]));
    if (bad !== undefined) throw new UsageError(`--edges must be numbers separated by commas, got '${bad}'`);
  }
  unwrap(await service.call('workspace.open', { path: values.db, create: false }));
  const request = { tapeId: Number(values.tape), by, ...(edges ? { edges } : {}) };
  if (values.csv) {
    io.out(unwrap(await service.call('pool.stratCsv', request)).csv.trimEnd());
    return;
  }
  const table = unwrap(await service.call('pool.strat', request));
  io.out(values.json ? JSON.stringify(table, null, 2) : formatStratText(table));
}

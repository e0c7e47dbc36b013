import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { ProjectionResult } from '../../service/contract.ts';
import { projectionCsv } from '../../service/projection.ts';
import type { Service } from '../../service/service.ts';
import { UsageError } from '../output.ts';
import { unwrap, type CommandIO } from '../run.ts';

export const PROJECT_HELP = `Usage: abs project --db WORKSPACE --tape ID --assumptions A.json [--json | --csv]

Projects a tape's pool month by month, loan by loan (deterministic roll-rate model): interest,
scheduled principal, prepayments, defaults, recoveries, losses, balance by delinquency bucket,
overdue total, SMM/CPR, MDR/CDR, cumulative default rate. Amounts in yuan, rounded to cents.
The assumption file format: docs/schemas/assumptions.schema.json, example
docs/examples/assumptions-consumer-base.json.`;

const money = (x: number): string => x.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const pct = (x: number): string => `${(x * 100).toFixed(2)}%`;

export function formatProjection(result: ProjectionResult): string {
  const header = ['Month', 'Beginning (¥)', 'Interest (¥)', 'Sched. prin. (¥)', 'Prepaid (¥)', 'Defaults (¥)', 'Recov. (¥)', 'Ending (¥)', '30+ DPD (¥)', 'CPR', 'CDR', 'Cum. default'];
  const rows = result.rows.map((r) => [
    String(r.month),
    money(r.beginningBalance),
    money(r.interestCollected + r.penaltyInterest),
    money(r.scheduledPrincipal),
    money(r.prepayments),
    money(r.defaults),
    money(r.recoveries),
    money(r.endingBalance),
    money(r.dpd31_60 + r.dpd61_90 + r.dpd91_180),
    pct(r.cpr),
    pct(r.cdr),
    pct(r.cumulativeDefaultRate),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]): string => cells.map((c, i) => c.padStart(widths[i] ?? 0)).join('  ');
  return [
    `Tape ${result.tapeId} · cutoff ${result.cutoffDate} · ${result.loans.toLocaleString('en-US')} loans · cutoff balance ¥${money(result.cutoffBalance)} · ${result.months} months · ${result.seconds.toFixed(2)} s`,
    line(header),
    ...rows.map(line),
  ].join('\n');
}

export async function projectCommand(args: readonly string[], service: Service, io: CommandIO): Promise<void> {
  const { values } = parseArgs({
    args: [...args],
    options: {
      db: { type: 'string' },
      tape: { type: 'string' },
      assumptions: { type: 'string' },
      json: { type: 'boolean' },
      csv: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help) {
    io.out(PROJECT_HELP);
    return;
  }
  if (!values.db) throw new UsageError('project needs --db WORKSPACE');
  if (!values.tape || !/^\d+$/.test(values.tape)) throw new UsageError(`project needs --tape ID (a whole number), got '${values.tape ?? ''}'`);
  if (!values.assumptions) throw new UsageError('project needs --assumptions FILE.json');
  let assumptions: unknown;
  try {
    assumptions = JSON.parse(readFileSync(values.assumptions, 'utf8'));
  } catch (error) {
    throw new UsageError(`cannot read assumptions ${values.assumptions}: ${(error as Error).message}`);
  }
  unwrap(await service.call('workspace.open', { path: values.db, create: false }));
  const result = unwrap(await service.call('pool.project', { tapeId: Number(values.tape), assumptions }));
  io.out(values.json ? JSON.stringify(result, null, 2) : values.csv ? projectionCsv(result).trimEnd() : formatProjection(result));
}

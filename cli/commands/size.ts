import { renameSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { DealSizeRequest, DealSizeResult } from '../../service/api/contract.ts';
import { dealSizeOf } from '../../service/jobs/job-manager.ts';
import type { Service } from '../../service/service.ts';
import { formatMoney, formatPct, moneyUnit, readJsonFile, textTable, UsageError } from '../output.ts';
import type { Currency } from '../../messages/numbers.ts';
import { followJob } from '../progress.ts';
import { ApiCallError, unwrap, unwrapFile, type CommandIO } from '../run.ts';

const SIZE_HELP = `Usage: abs size DEAL.json [--db WORKSPACE --tape ID [--mode repline|loan] | --pool POOL.json]
                [--target-ce X | --target-breakeven M [--interest timely|ultimate]] [--floor F]
                [--assumptions A.json] [--json | --out SIZED.json] [--quiet]

Sizes the deal's notes to the pool it runs on (a tape, a pool file of representative lines, else
the deal's own lines) and prints the capital structure before and after: each class's balance,
share of the pool and credit enhancement at closing, CE = (pool + reserve − the class and every
class senior to it) ÷ pool. Nothing is saved unless --out is given.

  (no target)          scale every class keeping its percentage of the deal's stated pool (its own
                       pool lines, else Σ notes); the subordinate class takes the rounding cent
  --target-ce X        size the senior class for a CE at closing of X (decimal: 0.2 = 20%)
  --target-breakeven M size the senior class so its breakeven default multiplier is M (3 = 3×):
                       the largest senior class that still passes at M× the scenario's defaults
  --interest           the senior class's breakeven test: timely (default) or ultimate
  --floor F            with a target, the subordinate class's smallest size as a share of the pool
                       (default 0.05: the originator's 5% risk retention, docs/sizing.md); the
                       mezzanine classes keep their share and the subordinate class absorbs the change
  --assumptions        the scenario for a breakeven target (else the deal file's "assumptions")
  --json               the whole result (before, after, the sized deal file) as JSON
  --out SIZED.json     writes the sized deal file (replacing SIZED.json only once it is complete)

Methods and conventions: docs/sizing.md.`;

function numberOption(value: string | undefined, flag: string, check: (x: number) => boolean, rule: string): number | undefined {
  if (value === undefined) return undefined;
  const x = Number(value);
  if (value.trim() === '' || !Number.isFinite(x) || !check(x)) throw new UsageError(`${flag} must be ${rule}, got '${value}'`);
  return x;
}

/** The capital structure before and after, for a person. */
function formatSize(size: DealSizeResult, seconds: number, currency: Currency | undefined): string {
  const unit = moneyUnit(currency);
  const header = ['Note', 'Seniority', `Before (${unit})`, '% pool', 'CE', `After (${unit})`, '% pool', 'CE'];
  const rows = size.after.map((after) => {
    const before = size.before.find((b) => b.id === after.id);
    return [
      after.name,
      String(after.seniority),
      formatMoney(before?.balance ?? 0),
      formatPct(before?.shareOfPool ?? 0),
      formatPct(before?.creditEnhancement ?? 0),
      formatMoney(after.balance),
      formatPct(after.shareOfPool),
      formatPct(after.creditEnhancement),
    ];
  });
  const { line } = textTable(header, rows);
  const method =
    size.method === 'scale'
      ? 'every class scaled keeping its percentage of the stated pool'
      : size.method === 'creditEnhancement'
        ? `senior CE at closing ${formatPct(size.target)}, subordinate floor ${formatPct(size.floor)} of the pool`
        : `senior breakeven ${size.target ?? 0}× the default curve, subordinate floor ${formatPct(size.floor)} of the pool`;
  const facts = [
    `${size.dealName} sized to ${size.poolName}: pool ${formatMoney(size.poolBalance)} (${unit}), stated pool ${formatMoney(size.statedPoolBalance)} · ${method} · ${seconds.toFixed(2)} s`,
    line(header),
    ...rows.map(line),
    'CE = (pool + reserve − the class and every class senior to it) ÷ pool, at closing',
  ];
  const be = size.seniorBreakeven;
  if (be) {
    const bound = be.limitedByFloor ? ' (the subordinate floor, not the target, limits the senior class: it survives more)' : '';
    facts.push(`Senior ${be.id} breakeven after sizing: ${be.status === 'beyondRange' ? '≥ ' : ''}${be.stress.toFixed(3)}× (${be.interest})${bound}`);
  }
  return facts.join('\n');
}

export async function sizeCommand(args: readonly string[], service: Service, io: CommandIO): Promise<void> {
  const { values, positionals } = parseArgs({
    args: [...args],
    allowPositionals: true,
    options: {
      db: { type: 'string' },
      tape: { type: 'string' },
      mode: { type: 'string' },
      pool: { type: 'string' },
      assumptions: { type: 'string' },
      'target-ce': { type: 'string' },
      'target-breakeven': { type: 'string' },
      interest: { type: 'string' },
      floor: { type: 'string' },
      json: { type: 'boolean' },
      out: { type: 'string' },
      quiet: { type: 'boolean', short: 'q' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help) {
    io.out(SIZE_HELP);
    return;
  }
  const [dealPath, ...extra] = positionals;
  if (dealPath === undefined) throw new UsageError('size needs a deal file: abs size DEAL.json');
  if (extra.length > 0) throw new UsageError(`size takes one deal file, got also ${extra.join(' ')}`);
  if ((values.db === undefined) !== (values.tape === undefined)) throw new UsageError('give both --db WORKSPACE and --tape ID, or neither');
  if (values.tape !== undefined && !/^\d+$/.test(values.tape)) throw new UsageError(`--tape must be a whole number, got '${values.tape}'`);
  if (values.tape !== undefined && values.pool !== undefined) throw new UsageError('give --tape or --pool, not both');
  if (values.mode !== undefined && values.mode !== 'loan' && values.mode !== 'repline') throw new UsageError(`--mode must be loan or repline, got '${values.mode}'`);
  if (values['target-ce'] !== undefined && values['target-breakeven'] !== undefined) throw new UsageError('give --target-ce or --target-breakeven, not both');
  const interest = values.interest;
  if (interest !== undefined && interest !== 'timely' && interest !== 'ultimate') throw new UsageError(`--interest must be timely or ultimate, got '${interest}'`);
  const targetCe = numberOption(values['target-ce'], '--target-ce', (x) => x > -1 && x < 1, 'a decimal share of the pool below 1 (0.2 for 20%)');
  const targetBreakeven = numberOption(values['target-breakeven'], '--target-breakeven', (x) => x > 0, 'a default multiplier above 0 (3 for 3×)');
  const floor = numberOption(values.floor, '--floor', (x) => x >= 0 && x < 1, 'a decimal share of the pool from 0 to below 1 (0.05 for 5%)');
  if (floor !== undefined && targetCe === undefined && targetBreakeven === undefined)
    throw new UsageError('--floor applies to --target-ce or --target-breakeven (scaling keeps every class’s percentage)');

  const { deal } = unwrapFile(await service.call('deal.validate', { deal: readJsonFile(dealPath, 'deal file') }), { what: 'deal file', path: dealPath });
  const pool = values.pool !== undefined ? unwrapFile(await service.call('pool.check', { pool: readJsonFile(values.pool, 'pool file') }), { what: 'pool file', path: values.pool }).pool : undefined;
  if (values.db !== undefined) unwrap(await service.call('workspace.open', { path: values.db, create: false }));
  const assumptions =
    values.assumptions !== undefined
      ? unwrapFile(await service.call('assumptions.check', { assumptions: readJsonFile(values.assumptions, 'assumptions') }), { what: 'assumption file', path: values.assumptions }).assumptions
      : undefined;
  const request: DealSizeRequest = {
    deal,
    method: targetCe !== undefined ? 'creditEnhancement' : targetBreakeven !== undefined ? 'breakeven' : 'scale',
    ...(targetCe !== undefined ? { target: targetCe } : targetBreakeven !== undefined ? { target: targetBreakeven } : {}),
    ...(floor !== undefined ? { floor } : {}),
    ...(interest !== undefined ? { interest } : {}),
    ...(values.db !== undefined ? { tapeId: Number(values.tape) } : {}),
    ...(values.mode !== undefined ? { mode: values.mode === 'loan' ? 'loan' : 'repline' } : {}),
    ...(pool !== undefined ? { pool } : {}),
    ...(assumptions !== undefined ? { assumptions } : {}),
  };
  const job = await followJob(service, unwrap(await service.call('deal.size', request)), 'size', values.quiet === true || values.json === true);
  if (job.error) throw new ApiCallError(job.error);
  const sized = dealSizeOf(job);
  if (!sized) throw new Error('the sizing finished without a result');
  if (values.out !== undefined) {
    // Written beside and renamed over: an interrupted write never leaves half a deal file.
    const partial = `${values.out}.partial`;
    writeFileSync(partial, `${JSON.stringify(sized.size.deal, null, 2)}\n`);
    renameSync(partial, values.out);
  }
  io.out(values.json ? JSON.stringify(sized.size, null, 2) : formatSize(sized.size, sized.seconds, request.deal.currency));
}

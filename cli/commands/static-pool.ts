import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { StaticPoolFitRequest, StaticPoolFitResult, StaticPoolMetric } from '../../service/api/contract.ts';
import type { Service } from '../../service/service.ts';
import { formatMoney, formatPct, textTable, UsageError } from '../output.ts';
import { unwrap, type CommandIO } from '../run.ts';

const METRICS: readonly StaticPoolMetric[] = ['cumulativeDefault', 'cumulativePrepayment', 'dpd1_30', 'dpd31_60', 'dpd61_90'];
const AMORTIZATIONS = ['level_payment', 'equal_principal', 'flat_fee', 'interest_only'] as const;

const HELP = `Usage: abs static-pool FILE [FILE…] [--amortization TYPE --term N [--rate R]] [--roll-rates]
                       [--save NAME --db WORKSPACE] [--json]

Reads an originator's static pool (静态池: cumulative default, cumulative prepayment and
delinquency by month on book per origination month) from CSV or XLSX — long (a row per vintage ×
month) or wide (a row per vintage, columns M1…Mn), Chinese or English headers — and fits it:
lifetime cumulative default per vintage (chain ladder; Bornhuetter–Ferguson when barely seasoned),
the default-timing curve, the CPR curve by month on book and net-flow roll rates, with the fit
errors. Rates are % of each vintage's original balance. Formats and methods: docs/static-pool.md.

  --amortization   level_payment (等额本息), equal_principal (等额本金), flat_fee (等本等息),
                   interest_only (先息后本): the loans' schedule, for the CPR fit
  --term N         original term in months;  --rate R  annual contract rate as a decimal (0.18)
  --metric M       the metric of wide tables that name none: ${METRICS.join(', ')}
  --encoding E     CSV encoding (GBK, UTF-8 …); detected when absent
  --min-developed  share developed below which a vintage is Bornhuetter–Ferguson (default 0.1)
  --roll-rates     put the fitted roll rates in the assumption set (they become its default source)
  --save NAME      save the fit as assumption set NAME in --db WORKSPACE (it names its source)
  --json           the whole result as JSON`;

function options(args: readonly string[]) {
  return parseArgs({
    args: [...args],
    allowPositionals: true,
    options: {
      amortization: { type: 'string' },
      term: { type: 'string' },
      rate: { type: 'string' },
      metric: { type: 'string' },
      encoding: { type: 'string' },
      'min-developed': { type: 'string' },
      'roll-rates': { type: 'boolean' },
      save: { type: 'string' },
      db: { type: 'string' },
      json: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
}

function numberOption(text: string | undefined, name: string, check: (n: number) => boolean, expected: string): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (text.trim() === '' || !check(n)) throw new UsageError(`${name} must be ${expected}, got '${text}'`);
  return n;
}

function fitRequest(values: ReturnType<typeof options>['values'], files: readonly string[]): StaticPoolFitRequest {
  const metric = values.metric as StaticPoolMetric | undefined;
  if (metric !== undefined && !METRICS.includes(metric)) throw new UsageError(`--metric must be one of ${METRICS.join(', ')}, got '${values.metric ?? ''}'`);
  const amortization = values.amortization as (typeof AMORTIZATIONS)[number] | undefined;
  if (amortization !== undefined && !AMORTIZATIONS.includes(amortization)) throw new UsageError(`--amortization must be one of ${AMORTIZATIONS.join(', ')}, got '${values.amortization ?? ''}'`);
  const termMonths = numberOption(values.term, '--term', (n) => Number.isInteger(n) && n >= 1 && n <= 600, 'a whole number of months from 1 to 600');
  const rateAnnual = numberOption(values.rate, '--rate', (n) => n >= 0 && n <= 1, 'an annual rate as a decimal from 0 to 1 (0.18 = 18%)');
  const minDevelopedShare = numberOption(values['min-developed'], '--min-developed', (n) => n > 0 && n <= 1, 'a share above 0 and at most 1');
  return {
    files: files.map((file) => ({ source: { kind: 'path', path: resolve(file) }, ...(values.encoding ? { encoding: values.encoding } : {}), ...(metric ? { metric } : {}) })),
    ...(amortization ? { amortization } : {}),
    ...(termMonths === undefined ? {} : { termMonths }),
    ...(rateAnnual === undefined ? {} : { rateAnnual }),
    ...(minDevelopedShare === undefined ? {} : { minDevelopedShare }),
    ...(values['roll-rates'] ? { includeRollRates: true } : {}),
  };
}

export async function staticPoolCommand(args: readonly string[], service: Service, io: CommandIO): Promise<void> {
  const { values, positionals } = options(args);
  if (values.help) {
    io.out(HELP);
    return;
  }
  if (positionals.length === 0) throw new UsageError('static-pool needs a file: abs static-pool FILE [FILE…]');
  if (values.save !== undefined && !values.db) throw new UsageError('--save NAME needs --db WORKSPACE (where the assumption set is kept)');
  if (values.db !== undefined && values.save === undefined) throw new UsageError('--db is only for --save NAME');
  const result = unwrap(await service.call('staticPool.fit', fitRequest(values, positionals)));
  let saved: string | null = null;
  if (values.save !== undefined && values.db) {
    unwrap(await service.call('workspace.open', { path: values.db }));
    saved = unwrap(await service.call('assumptions.save', { name: values.save, assumptions: result.assumptions })).name;
  }
  if (values.json) io.out(JSON.stringify({ ...result, saved }, null, 2));
  else io.out(formatFit(result, saved, values.db ?? null));
}

const pp = (x: number | null): string => (x === null ? '—' : (x * 100).toFixed(4));

/** A curve by month on book in rows of 12: "  M1–M12   0.00  0.00  2.00 …". */
function monthRows(values: readonly (number | null)[], digits: number): string[] {
  const rows: string[] = [];
  for (let start = 0; start < values.length; start += 12) {
    const chunk = values.slice(start, start + 12).map((x) => (x === null ? '—' : x.toFixed(digits)).padStart(7));
    rows.push(`  M${start + 1}–M${Math.min(values.length, start + 12)}`.padEnd(12) + chunk.join(''));
  }
  return rows;
}

function vintageTable(result: StaticPoolFitResult): string[] {
  const header = ['Vintage', 'Original balance (¥)', 'Months', 'Observed CDR', 'Developed', 'Lifetime CDR', 'Method', 'CDR RMSE (pp)', 'Prepay RMSE (pp)'];
  const rows = result.fit.vintages.map((v) => [
    v.vintage,
    formatMoney(v.originalBalance),
    String(v.monthsObserved),
    formatPct(v.observedDefault),
    formatPct(v.developedShare, 1),
    formatPct(v.lifetimeDefault),
    v.method,
    pp(v.defaultRmse),
    pp(v.prepaymentRmse),
  ]);
  const { line, widths } = textTable(header, rows, new Set([0, 6]));
  return [line(header), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.map(line)];
}

function formatFit(result: StaticPoolFitResult, saved: string | null, db: string | null): string {
  const { fit, assumptions } = result;
  const tables = result.tables.map((t) => `${t.file}${t.sheet === null ? '' : ` ▸ ${t.sheet}`} (${t.layout}, header row ${t.headerRow})`);
  const roll = fit.rollRates;
  const lines = [
    `Static pool: ${tables.join('; ')} — ${result.vintages.length} vintages`,
    ...result.skipped.map((s) => `  passed over ${s.file}${s.sheet === null ? '' : ` ▸ ${s.sheet}`}: ${s.reason}`),
    '',
    ...vintageTable(result),
    '',
    `Lifetime cumulative default (balance-weighted, % of original balance): ${formatPct(fit.lifetimeDefault, 3)}`,
    `Fit error: cumulative default RMSE ${pp(fit.defaultRmse)} pp; cumulative prepayment RMSE ${pp(fit.prepaymentRmse)} pp (fitted vs observed, every vintage × month)`,
    '',
    'Default timing (share of lifetime default by month on book, %):',
    ...monthRows(fit.timingPct, 2),
  ];
  if (fit.cpr.length > 0)
    lines.push(
      '',
      'CPR by month on book (annual, %):',
      ...monthRows(
        fit.cpr.map((x) => (x === null ? null : x * 100)),
        2,
      ),
    );
  if (roll) {
    lines.push(
      '',
      `Roll rates (monthly, net flow; cure = 1 − roll; charge-off from 61–90), from ${roll.observations} vintage-months:`,
      `  current → 1–30 ${formatPct(roll.rates.current)}   1–30 → 31–60 ${formatPct(roll.rates.dpd1_30)}   31–60 → 61–90 ${formatPct(roll.rates.dpd31_60)}   61–90 → default ${formatPct(roll.rates.dpd61_90)}`,
      `  one-month-ahead RMSE (pp): 1–30 ${pp(roll.rmse.dpd1_30)}, 31–60 ${pp(roll.rmse.dpd31_60)}, 61–90 ${pp(roll.rmse.dpd61_90)}, default ${pp(roll.rmse.default)}`,
    );
  }
  lines.push('', `Assumption set: months ${assumptions.months}; prepayment "${assumptions.pool.prepayment ?? '—'}"${assumptions.pool.rollRates ? '; roll rates included' : ''}`);
  lines.push(...fit.notes.map((note) => `Note: ${note}`));
  if (saved !== null) lines.push(`Saved as assumption set "${saved}" in ${db ?? ''}`);
  return lines.join('\n');
}

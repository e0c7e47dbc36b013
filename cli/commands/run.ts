import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import type { DealRunRequest, JobResultOf, ScenarioOverrides, TrancheRow } from '../../service/api/contract.ts';
import { periodsCsv, trancheCsv } from '../../service/runs/deal-report.ts';
import { breakevenOf, dealRunOf } from '../../service/jobs/job-manager.ts';
import type { Service } from '../../service/service.ts';
import { formatMoney, formatPct, moneyUnit, readJsonFile, textTable, UsageError } from '../output.ts';
import type { Currency } from '../../messages/numbers.ts';
import { denominatorWords } from '../words.ts';
import { writeFolderAtomically } from '../out-folder.ts';
import { followJob } from '../progress.ts';
import { runGrid } from './run-grid.ts';
import { runScenarios } from './run-scenarios.ts';
import { runMonteCarlo } from './run-monte-carlo.ts';
import { storedNoteText } from '../stored-note.ts';
import { ApiCallError, unwrap, unwrapFile, type CommandIO } from '../run.ts';

const RUN_HELP = `Usage: abs run DEAL.json [--db WORKSPACE [--tape ID [--mode repline|loan] [--size-to-pool]]] [--assumptions A.json]
               [--prepay VECTOR] [--default VECTOR] [--default-mult X]
               [--wal-basis ACT/365|30/360|ACT/360|months/12] [--settlement YYYY-MM-DD]
               [--breakeven [--by multiplier|cdr] [--interest timely|ultimate]]
               [--scenarios SET.json [--breakeven]] [--grid "ROW=a:b:step" "COL=v1,v2,…"] [--jobs N]
               [--mc N [--seed S] [--dist lognormal:mean=M,cv=C | vasicek:pd=P,rho=R] [--jobs N]
                [--rating-table TABLE.json]]
               [--json | --csv] [--out DIR] [--no-store] [--quiet]

Runs a deal: the pool projected under the scenario, the priority of payments period by period in
decimal cents (every period reconciles to the cent), and each note's analytics. Prints the tranche
summary: balance, coupon, WAL (years; ACT/365 from closing unless the deal file's analytics section
or --wal-basis / --settlement say otherwise), principal window, yield at par in four quotes (annual
effective on ACT/365; bond-equivalent; mortgage-equivalent; China interbank), modified duration,
loss %, credit enhancement at closing, and with --breakeven the largest default multiplier (or
constant CDR with --by cdr) each note survives.

  --db             the workspace: its run store keeps the run (and its breakevens); an identical
                   earlier run (same deal, pool, scenario and engine) is served from the store
  --tape           the pool from a tape of that workspace (else the deal file's own lines)
  --mode           how the tape is projected: repline (default, fast) or loan
  --size-to-pool   scale every class to the tape's pool keeping its percentage of the deal's stated
                   pool (its own pool lines, else Σ notes); the subordinate class takes the rounding
                   (docs/sizing.md; abs size for a target CE or breakeven)
  --assumptions    the scenario (else the deal file's "assumptions")
  --prepay         a one-off prepayment curve in vector notation ("150 PSA", "10 CPR",
                   "2 ramp 8 6 CPR"): replaces the pool's and every segment's and rule's curve
  --default        a one-off default curve in vector notation ("2 CDR", "100 SDA"): replaces the
                   pool's and every segment's and rule's curve (and any defaultTiming)
  --default-mult   multiplies the scenario's default curve (every MDR, capped at 100%) and the roll
                   into 1–30 DPD; breakevens by multiplier multiply it further
                   (vector notation: docs/vector-notation.md)
  --wal-basis      the WAL's year basis (else the deal file's analytics.walBasis, default ACT/365)
  --settlement     the WAL's time zero, on or after closing (else analytics.settlementDate, default
                   closing): only principal paid after it counts, in years from it
  --by             the breakeven stress: a multiple of the default curve (default) or a constant CDR
  --interest       what a note must receive to pass: timely (every coupon on its date, no interest
                   shortfall in any period, and all principal) or ultimate (everything by the end);
                   default timely for the senior class (seniority 1), ultimate for the others
  --scenarios      runs every scenario of a scenario-set file (docs/scenarios.md; shipped sets in
                   templates/scenarios/) on top of the base — --assumptions, else the set's
                   "base" (a saved set of --db by name, or a .json file beside the set), else
                   the deal file's — and prints the tranche table per scenario side by side
                   (--json: every scenario's figures; --csv: one row per scenario and note;
                   --out: scenario-tranches.csv, scenario-pool.csv, scenarios.json)
                   with --breakeven: also each note's breakeven under every scenario (--by,
                   --interest), a breakeven table across the scenarios (costly: many runs each;
                   --out adds scenario-breakevens.csv)
  --grid           a sensitivity grid: two parameters, rows then columns, each name=start:end:step
                   (inclusive) or name=v1,v2,…; parameters defaultMult, prepayMult, cureMult,
                   rollInMult, recoveryMult, recoveryRate, recoveryLag, cdr, cpr, indexShockBps,
                   outageShare, outageMonth (docs/sweeps.md). Prints the loss % table of each note
                   and the frontier (--json: every cell's figures; --csv: one row per cell and note;
                   --out: grid.csv, grid-frontier.csv, grid.json)
  --outage FIELDS  with an outageShare or outageMonth axis: the outage's other fields, e.g.
                   "days=15,cureShare=0.8,segment=gig" (defaults month 1, days 31, share 1,
                   cureShare 1: docs/sweeps.md)
  --jobs N         worker threads for --scenarios, --grid and --mc (default: the machine's cores);
                   the results are the same bytes for any N
  --mc N           a Monte Carlo loss distribution over N paths (docs/monte-carlo.md): each path
                   draws the pool's lifetime default (cumulative gross defaults of the cutoff pool ÷
                   its cutoff balance), solves the default multiplier that gives it and runs the
                   deal; prints per note the expected loss, its standard error, the probability of
                   loss, mean WAL and loss percentiles, and a histogram of the pool's net loss
  --seed S         the paths' seed, a whole number in [0, 2^32) (default 1): same seed, same bytes
  --dist           the lifetime default's distribution: lognormal:mean=M,cv=C (Moody's lognormal
                   method; without mean= it is centred on the scenario's own lifetime default) or
                   vasicek:pd=P,rho=R (Vasicek one-factor); default lognormal:cv=0.5
  --rating-table   a JSON array [{"rating": "Aaa", "maxExpectedLoss": 0.00001}, …], best first:
                   each note's implied rating from its expected loss
  --json           the full result (every period, every note) as JSON
  --csv            the period-by-period table as CSV
  --out DIR        writes tranches.csv, periods.csv and result.json as one set: an earlier DIR
                   (holding only those files) is replaced whole once the new set is complete
  --no-store       compute afresh and keep nothing in the workspace's run store

Deal file format: docs/schemas/deal.schema.json; templates in templates/deals/. Stored runs:
abs runs list --db WORKSPACE (docs/run-store.md).`;

const years = (x: number | null): string => (x === null ? '—' : x.toFixed(2));

function overridesText(overrides: ScenarioOverrides): string {
  const parts = [
    ...(overrides.prepayment !== undefined ? [`prepayment ${overrides.prepayment} (pool and every segment)`] : []),
    ...(overrides.default !== undefined ? [`default ${overrides.default} (pool and every segment)`] : []),
    ...(overrides.defaultMultiplier !== undefined ? [`default curve × ${overrides.defaultMultiplier}`] : []),
  ];
  return parts.join(' · ');
}

/** A note's expected maturity (预期到期日), with the balance still outstanding after it when it is missed; — when the deal file states none. */
function expectedMaturityCell(t: TrancheRow): string {
  if (t.expectedMaturity === undefined) return '—';
  const left = t.balanceAfterExpectedMaturity ?? 0;
  return left > 0 ? `${t.expectedMaturity} (missed: ${formatMoney(left)} left)` : t.expectedMaturity;
}

/** The tranche summary for a person, with each job's compute time (the results themselves hold none). */
export function formatRun({ run, seconds }: JobResultOf<'deal.run'>, solved: JobResultOf<'deal.breakeven'> | null, overrides: ScenarioOverrides | undefined, currency: Currency | undefined): string {
  const unit = moneyUnit(currency);
  const breakeven = solved?.breakeven ?? null;
  const first = run.tranches[0];
  const walLabel = `WAL (y, ${first?.walBasis ?? 'ACT/365'} from ${!first || first.walFrom === run.closingDate ? 'closing' : first.walFrom})`;
  const header = [
    'Note',
    `Balance (${unit})`,
    'Coupon',
    walLabel,
    'Window',
    'Exp. final (computed)',
    'Exp. maturity',
    'Yield @par ann.eff.',
    'BEY',
    'MEY',
    'CN interbank',
    'Mod dur (ann.eff.)',
    'Loss %',
    'CE',
    ...(breakeven ? [breakeven.by === 'cdr' ? 'Breakeven CDR' : 'Breakeven ×'] : []),
  ];
  const rows = run.tranches.map((t) => {
    const be = breakeven?.rows.find((r) => r.id === t.id);
    const beCell = !be
      ? '—'
      : be.status === 'lossWithoutStress'
        ? 'loses at 0'
        : `${be.status === 'beyondRange' ? '≥ ' : ''}${breakeven?.by === 'cdr' ? formatPct(be.stress) : `${be.stress.toFixed(3)}×`} ${be.interest}`;
    return [
      t.name,
      formatMoney(t.originalBalance),
      t.coupon,
      years(t.walYears),
      t.firstPrincipal && t.lastPrincipal ? `${t.firstPrincipal.date} – ${t.lastPrincipal.date}` : '—',
      t.expectedFinal?.date ?? '—',
      expectedMaturityCell(t),
      t.irr !== null ? `IRR ${formatPct(t.irr)}` : formatPct(t.yieldAtParAnnualEffective),
      formatPct(t.yieldAtParBondEquivalent),
      formatPct(t.yieldAtParMortgageEquivalent),
      formatPct(t.yieldAtParChinaInterbank),
      years(t.modifiedDurationYears),
      formatPct(t.lossRate),
      formatPct(t.creditEnhancementAtClosing),
      ...(breakeven ? [beCell] : []),
    ];
  });
  const { line } = textTable(header, rows, new Set([0, 2, 4, 5, 6]));
  const last = run.periods.length - 1;
  const facts = [
    `${run.dealName} · pool ${run.poolName} (${run.loans === 0 ? 'collection schedule' : run.mode === 'loan' ? 'loan level' : 'representative lines'}) · pool balance ${formatMoney(run.poolBalance)} (${unit}) · cutoff ${run.cutoffDate} · closing ${run.closingDate}${first?.legalFinalMaturity ? ` · legal final ${first.legalFinalMaturity}` : ''} · ${run.periods.length} periods · ${seconds.toFixed(2)} s`,
    ...(overrides ? [`Scenario overrides: ${overridesText(overrides)}`] : []),
    ...run.warnings.map((w) => `Warning: ${w}`),
    line(header),
    ...rows.map(line),
    `Cumulative default rate ${formatPct(run.cumulativeDefaultRate[last] ?? 0)} (÷ ${denominatorWords(run.cumulativeRatioDenominator)}) · cumulative net loss ${formatMoney(run.cumulativeNetLoss[last] ?? 0)} (${unit})`,
  ];
  if (run.revolvingEnd)
    facts.push(
      `Revolving ended with period ${run.revolvingEnd.period} (${run.revolvingEnd.paymentDate}): ${run.revolvingEnd.reason}${run.revolvingEnd.trigger ? ` (${run.revolvingEnd.trigger})` : ''}`,
    );
  const breached = Object.entries(run.triggerFirstBreach).filter(([, p]) => p !== null);
  if (breached.length > 0) facts.push(`Triggers breached: ${breached.map(([id, p]) => `${id} in period ${p}`).join(', ')}`);
  if (run.cleanUpPeriod !== null) facts.push(`Clean-up call exercised in period ${run.cleanUpPeriod}`);
  facts.push(
    'Yields at par at closing: ann.eff. = annual effective on actual dates (ACT/365, as XIRR); BEY = bond-equivalent (semi-annual, SIFMA); MEY = mortgage-equivalent (monthly, SIFMA); CN interbank = compounded at the payment frequency on actual days, simple in the final period (CFETS)',
  );
  facts.push('CE = (pool + reserve − the note’s class − every class senior to it) ÷ pool at closing; a class is the notes of one seniority (docs/deals.md)');
  if (run.tranches.some((t) => t.lossRate > 0 && (t.yieldAtParAnnualEffective ?? 0) < 0 && t.modifiedDurationYears === null))
    facts.push('Mod dur —: a note that loses principal at a negative yield has no modified duration quoted (its price follows the loss, not the rate; docs/deals.md)');
  if (solved) facts.push(`Breakevens: ${solved.breakeven.runs} runs, ${solved.seconds.toFixed(2)} s; stress by ${solved.breakeven.by === 'cdr' ? 'constant CDR' : 'default multiplier'}`);
  return facts.join('\n');
}

/** --prepay, --default and --default-mult as the run's scenario overrides (the curves are read, with their errors, by the service). */
function scenarioOverridesOf(prepayment: string | undefined, defaults: string | undefined, multiplier: string | undefined): ScenarioOverrides | undefined {
  if (prepayment === undefined && defaults === undefined && multiplier === undefined) return undefined;
  const defaultMultiplier = multiplier === undefined ? undefined : Number(multiplier);
  if (defaultMultiplier !== undefined && (multiplier?.trim() === '' || !Number.isFinite(defaultMultiplier) || defaultMultiplier < 0)) {
    throw new UsageError(`--default-mult must be a number ≥ 0, got '${multiplier}'`);
  }
  return { ...(prepayment !== undefined ? { prepayment } : {}), ...(defaults !== undefined ? { default: defaults } : {}), ...(defaultMultiplier !== undefined ? { defaultMultiplier } : {}) };
}

/** The deal file with --wal-basis and --settlement written into its analytics section (checked there with the rest of the file). */
function withAnalytics(draft: unknown, walBasis: string | undefined, settlementDate: string | undefined): unknown {
  if (walBasis === undefined && settlementDate === undefined) return draft;
  if (typeof draft !== 'object' || draft === null || Array.isArray(draft)) return draft;
  const file = draft as Record<string, unknown>;
  const analytics = typeof file['analytics'] === 'object' && file['analytics'] !== null ? (file['analytics'] as Record<string, unknown>) : {};
  return { ...file, analytics: { ...analytics, ...(walBasis !== undefined ? { walBasis } : {}), ...(settlementDate !== undefined ? { settlementDate } : {}) } };
}

/** --jobs N: a whole number of worker threads from 1. */
function jobsOf(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\d+$/.test(text) || Number(text) < 1 || Number(text) > 256) throw new UsageError(`--jobs must be a whole number of worker threads from 1 to 256, got '${text}'`);
  return Number(text);
}

export async function runCommand(args: readonly string[], service: Service, io: CommandIO): Promise<void> {
  const { values, positionals } = parseArgs({
    args: [...args],
    allowPositionals: true,
    options: {
      db: { type: 'string' },
      tape: { type: 'string' },
      mode: { type: 'string' },
      'size-to-pool': { type: 'boolean' },
      assumptions: { type: 'string' },
      prepay: { type: 'string' },
      default: { type: 'string' },
      'default-mult': { type: 'string' },
      'wal-basis': { type: 'string' },
      settlement: { type: 'string' },
      breakeven: { type: 'boolean' },
      scenarios: { type: 'string' },
      grid: { type: 'string' },
      outage: { type: 'string' },
      jobs: { type: 'string' },
      mc: { type: 'string' },
      seed: { type: 'string' },
      dist: { type: 'string' },
      'rating-table': { type: 'string' },
      by: { type: 'string' },
      interest: { type: 'string' },
      json: { type: 'boolean' },
      csv: { type: 'boolean' },
      out: { type: 'string' },
      'no-store': { type: 'boolean' },
      quiet: { type: 'boolean', short: 'q' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help) {
    io.out(RUN_HELP);
    return;
  }
  const [dealPath, ...rest] = positionals;
  if (dealPath === undefined) throw new UsageError('run needs a deal file: abs run DEAL.json');
  // --grid ROW COL: the column axis is the word after the row axis (a positional to parseArgs).
  const gridAxes = values.grid === undefined ? null : [values.grid, ...rest];
  const extra = gridAxes === null ? rest : [];
  if (extra.length > 0) throw new UsageError(`run takes one deal file, got also ${extra.join(' ')}`);
  const jobs = jobsOf(values.jobs);
  if (values.tape !== undefined && values.db === undefined) throw new UsageError('--tape ID needs --db WORKSPACE (the workspace that holds the tape)');
  if (values.tape !== undefined && !/^\d+$/.test(values.tape)) throw new UsageError(`--tape must be a whole number, got '${values.tape}'`);
  if (values.mode !== undefined && values.mode !== 'loan' && values.mode !== 'repline') throw new UsageError(`--mode must be loan or repline, got '${values.mode}'`);
  if (values['size-to-pool'] === true && values.tape === undefined) throw new UsageError('--size-to-pool sizes the deal to a tape: give --db WORKSPACE --tape ID');
  if (values.by !== undefined && values.by !== 'multiplier' && values.by !== 'cdr') throw new UsageError(`--by must be multiplier or cdr, got '${values.by}'`);
  const interest = values.interest;
  if (interest !== undefined && interest !== 'timely' && interest !== 'ultimate') throw new UsageError(`--interest must be timely or ultimate, got '${interest}'`);
  // The deal and the scenario as the service reads them: a bad file answers here, every problem at its JSON path
  // (with the workspace open first: a deal's schedulePool may name a schedule stored in it).
  const draft = withAnalytics(readJsonFile(dealPath, 'deal file'), values['wal-basis'], values.settlement);
  if (values.db !== undefined) unwrap(await service.call('workspace.open', { path: values.db, create: false }));
  const { deal } = unwrapFile(await service.call('deal.validate', { deal: draft }), { what: 'deal file', path: dealPath });
  const assumptionsPath = values.assumptions;
  const assumptions =
    assumptionsPath !== undefined
      ? unwrapFile(await service.call('assumptions.check', { assumptions: readJsonFile(assumptionsPath, 'assumptions') }), { what: 'assumption file', path: assumptionsPath }).assumptions
      : undefined;
  const scenarioOverrides = scenarioOverridesOf(values.prepay, values.default, values['default-mult']);
  const request: DealRunRequest = {
    deal,
    ...(scenarioOverrides ? { scenarioOverrides } : {}),
    ...(assumptions !== undefined ? { assumptions } : {}),
    ...(values.mode !== undefined ? { mode: values.mode === 'loan' ? 'loan' : 'repline' } : {}),
    ...(values.tape !== undefined ? { tapeId: Number(values.tape) } : {}),
    ...(values['no-store'] ? { store: false } : {}),
    ...(values.assumptions !== undefined ? { scenarioName: basename(values.assumptions) } : {}),
    ...(values['size-to-pool'] === true ? { sizeToPool: true } : {}),
  };
  const quiet = values.quiet === true || values.json === true || values.csv === true;
  if (values.mc !== undefined) {
    if (values.breakeven || values.scenarios !== undefined || gridAxes !== null) throw new UsageError('--mc runs on its own: give it without --breakeven, --scenarios or --grid');
    if (values.outage !== undefined) throw new UsageError('--outage applies to a --grid with an outageShare or outageMonth axis');
    const options = { paths: values.mc, seed: values.seed, dist: values.dist, jobs: values.jobs, ratingTable: values['rating-table'], json: values.json === true, quiet };
    await runMonteCarlo(request, options, service, io);
    return;
  }
  for (const flag of ['seed', 'dist', 'rating-table'] as const) if (values[flag] !== undefined) throw new UsageError(`--${flag} goes with --mc N`);
  if (values.scenarios !== undefined && gridAxes !== null) throw new UsageError('--scenarios and --grid run separately: give one of them');
  if (gridAxes !== null) {
    if (values.breakeven) throw new UsageError('--grid and --breakeven run separately: give one of them');
    await runGrid(request, { axes: gridAxes, jobs, outage: values.outage, json: values.json === true, csv: values.csv === true, out: values.out, quiet }, service, io);
    return;
  }
  if (values.scenarios !== undefined) {
    const breakevens = values.breakeven
      ? { by: values.by === 'cdr' ? ('cdr' as const) : ('multiplier' as const), ...(interest !== undefined ? { interest: interest === 'timely' ? ('timely' as const) : ('ultimate' as const) } : {}) }
      : undefined;
    await runScenarios(request, { setPath: values.scenarios, json: values.json === true, csv: values.csv === true, out: values.out, quiet, breakevens, jobs }, service, io);
    return;
  }
  if (jobs !== undefined) throw new UsageError('--jobs applies to --scenarios, --grid and --mc (a single run projects a tape loan by loan on the machine’s cores, else on one thread)');
  if (values.outage !== undefined) throw new UsageError('--outage applies to a --grid with an outageShare or outageMonth axis');
  const runJob = await followJob(service, unwrap(await service.call('deal.run', request)), 'run', quiet);
  if (runJob.error) throw new ApiCallError(runJob.error);
  const ran = dealRunOf(runJob);
  if (!ran) throw new Error('the deal run finished without a result');
  let solved: JobResultOf<'deal.breakeven'> | null = null;
  if (values.breakeven) {
    const beJob = await followJob(
      service,
      unwrap(await service.call('deal.breakeven', { ...request, by: values.by === 'cdr' ? 'cdr' : 'multiplier', ...(interest !== undefined ? { interest } : {}) })),
      'breakeven',
      quiet,
    );
    if (beJob.error) throw new ApiCallError(beJob.error);
    solved = breakevenOf(beJob) ?? null;
  }
  // --json and --out hold the results only, so the same inputs print the same bytes; the times and the run store's notes are the jobs'.
  const notes = [storedNoteText('Deal run', ran.stored), storedNoteText('Breakevens', solved?.stored)].filter((n) => n !== null);
  for (const warning of [ran.stored?.warning, solved?.stored?.warning]) if (warning) io.err(`Warning: ${warning}`);
  const { run } = ran;
  const breakeven = solved?.breakeven ?? null;
  if (values.out !== undefined) {
    // One set or none: a kill midway leaves the earlier complete folder, never a mix of two runs.
    writeFolderAtomically(
      values.out,
      new Map([
        ['tranches.csv', trancheCsv(run, breakeven ?? undefined)],
        ['periods.csv', periodsCsv(run)],
        ['result.json', `${JSON.stringify({ run, breakeven }, null, 2)}\n`],
      ]),
    );
  }
  if (values.json || values.csv) {
    if (!values.quiet) for (const note of notes) io.err(note);
    io.out(values.json ? JSON.stringify({ run, breakeven }, null, 2) : periodsCsv(run).trimEnd());
    return;
  }
  io.out([formatRun(ran, solved, scenarioOverrides, request.deal.currency), ...notes].join('\n'));
}

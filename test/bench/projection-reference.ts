/**
 * The C reference kernel of the projection bench (test/bench/c/projection-kernel.c): writes the
 * bench's pool and its resolved segments for it, builds it with the machine's `cc` at -O2, runs it
 * and reads back its CPU time and figures. No compiler: `reference` says why, and the bench reports
 * no ratio rather than a made-up one.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { amortizationCode, loanCount, resolveAssumptions, type LoanArrays, type PoolAssumptions, type ResolvedSegment } from '../../engine/index.ts';

const SOURCE = fileURLToPath(new URL('./c/projection-kernel.c', import.meta.url));

/** The order of the C kernel's rate array (enum in projection-kernel.c). */
const RATE_KEYS = [
  'p00',
  'p01',
  'p05',
  'c1',
  'k1',
  'f1',
  'x1',
  'c2',
  'b2',
  'bp2',
  'bc2',
  'k2',
  'f2',
  'x2',
  'c3',
  'b3',
  'bp3',
  'bc3',
  'k3',
  'f3',
  'x3',
  'c4',
  'b4',
  'bp4',
  'bc4',
  'k4',
  'f4',
  'x4',
  'c5',
  'b5',
  'bp5',
  'bc5',
  'k5',
  'f5',
  'x5',
  'c6',
  'b6',
  'bp6',
  'bc6',
  'k6',
  'x6',
] as const;

type Banded = NonNullable<ResolvedSegment['banded']>;

export interface ReferenceFigures {
  readonly cpuSeconds: number;
  readonly loanMonths: number;
  readonly cutoffBalance: number;
  readonly endingBalance: number;
  readonly interestCollected: number;
  readonly defaults: number;
  readonly prepayments: number;
}

export type Reference = { readonly ok: true; readonly figures: ReferenceFigures; readonly compiler: string } | { readonly ok: false; readonly reason: string };

/** What the C kernel covers: a banded matrix, plain penalty, 30/360, no event stresses. */
function unsupported(segment: ResolvedSegment, s: number): string | null {
  if (segment.banded === null) return `segment ${s}: roll-rate matrix not banded`;
  if (!segment.plainPenalty) return `segment ${s}: 复利 or a borrower-cost cap`;
  if (!segment.uniform30360) return `segment ${s}: not 30/360`;
  if (segment.events !== null) return `segment ${s}: event stresses`;
  return null;
}

const rateList = (banded: Banded): number[] => RATE_KEYS.map((key) => banded[key]);

function writeParams(path: string, loans: LoanArrays, segments: readonly ResolvedSegment[], months: number, tailTolerance: number): void {
  const maxLag = segments.reduce((lag, s) => Math.max(lag, s.recoveryLagMonths), 0);
  const out: number[] = [loanCount(loans), months, segments.length, maxLag];
  out.push(amortizationCode('level_payment'), amortizationCode('equal_principal'), amortizationCode('flat_fee'), tailTolerance);
  for (const segment of segments) {
    const banded = segment.banded as Banded;
    out.push(segment.servicingFeeRate, segment.recoveryRate, segment.penaltyMultiple, segment.recoveryLagMonths);
    out.push(segment.defaultsFirst ? 1 : 0, segment.smm.byAge ? 1 : 0, segment.mdr.byAge ? 1 : 0, segment.waiveRestructured ? 1 : 0);
    out.push(...rateList(banded), ...rateList(segment.maturedBanded ?? banded));
    out.push(...segment.yearFractions.subarray(0, months));
    out.push(segment.smm.rates.length, ...segment.smm.rates, segment.mdr.rates.length, ...segment.mdr.rates);
  }
  writeFileSync(path, Float64Array.from(out));
}

function writeLoans(path: string, loans: LoanArrays): void {
  const parts = [
    loans.currentPrincipal,
    loans.originalPrincipal,
    loans.rateAnnual,
    loans.overduePrincipal,
    loans.overdueInterest,
    loans.restructured,
    loans.originalTerm,
    loans.remainingTerm,
    loans.ageMonths,
    loans.amortization,
    loans.delinquency,
    loans.segment,
  ];
  writeFileSync(path, Buffer.concat(parts.map((array) => Buffer.from(array.buffer, array.byteOffset, array.byteLength))));
}

/** The compiler's first line of `--version`, or null when there is no `cc`. */
function compilerVersion(): string | null {
  const probe = spawnSync('cc', ['--version'], { encoding: 'utf8' });
  return probe.status === 0 ? (probe.stdout.split('\n')[0] ?? 'cc') : null;
}

/** The C kernel's best CPU time over `runs` runs of the whole pool, with its figures. */
export function runReference(loans: LoanArrays, assumptions: PoolAssumptions, months: number, runs: number, tailTolerance: number): Reference {
  const compiler = compilerVersion();
  if (compiler === null) return { ok: false, reason: 'no C compiler (`cc`) on this machine: the C reference kernel is skipped' };
  let maxAge = 0;
  let maxSegment = 0;
  for (let i = 0; i < loanCount(loans); i++) {
    maxAge = Math.max(maxAge, loans.ageMonths[i] ?? 0);
    maxSegment = Math.max(maxSegment, loans.segment[i] ?? 0);
  }
  const segments = resolveAssumptions(assumptions, maxSegment + 1, months, maxAge);
  for (const [s, segment] of segments.entries()) {
    const why = unsupported(segment, s);
    if (why !== null) return { ok: false, reason: `the C reference kernel does not cover ${why}` };
  }
  const dir = mkdtempSync(join(tmpdir(), 'abs-bench-kernel-'));
  try {
    const binary = join(dir, 'kernel');
    execFileSync('cc', ['-O2', '-ffp-contract=off', '-o', binary, SOURCE, '-lm']);
    writeParams(join(dir, 'params.bin'), loans, segments, months, tailTolerance);
    writeLoans(join(dir, 'loans.bin'), loans);
    const output = execFileSync(binary, [join(dir, 'params.bin'), join(dir, 'loans.bin'), String(runs)], { encoding: 'utf8' });
    return { ok: true, figures: JSON.parse(output) as ReferenceFigures, compiler };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

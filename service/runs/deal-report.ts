import { csvField, safeCsvField } from '../../data/csv-out.ts';
import type { BreakevenResult, DealRunResult } from '../api/contract.ts';

/**
 * CSV views of a deal run: one row per note (the tranche summary) and one row per payment period
 * (pool, funds, fees, notes, reserve, triggers). Money in the deal currency with cents, rates and
 * ratios as decimals; note, fee and trigger ids come from the deal file and are guarded against
 * formula injection.
 */
const num = (x: number | null | undefined): string => (x === null || x === undefined || !Number.isFinite(x) ? '' : String(x));

export function trancheCsv(run: DealRunResult, breakeven?: BreakevenResult): string {
  const first = run.tranches[0];
  const walBasis = first ? `${first.walBasis} from ${first.walFrom === run.closingDate ? 'closing' : `settlement ${first.walFrom}`}` : 'ACT/365 from closing';
  const header = [
    'Note',
    'Name',
    'Seniority',
    'Original balance',
    'Coupon',
    `WAL (years, ${walBasis})`,
    'First principal date',
    'Last principal date',
    'Expected final date',
    'Expected maturity date (deal file)',
    'Balance after expected maturity',
    'Legal final date',
    'Total interest',
    'Total principal',
    'Residual',
    'Write-down',
    'Loss rate',
    'Interest shortfall',
    'Yield at par (annual effective, ACT/365)',
    'Yield at par (bond-equivalent, semi-annual)',
    'Yield at par (mortgage-equivalent, monthly)',
    'Yield at par (China interbank, CFETS)',
    'Modified duration (years, at the annual effective yield)',
    'IRR (residual)',
    'Credit enhancement at closing',
    ...(breakeven
      ? [
          `Breakeven ${breakeven.by === 'cdr' ? 'CDR' : 'default multiplier'}`,
          'Breakeven test',
          'Breakeven status',
          'Pool cumulative default rate at breakeven',
          'Pool cumulative net loss rate at breakeven',
        ]
      : []),
  ];
  const lines = [header.map(csvField).join(',')];
  for (const t of run.tranches) {
    const be = breakeven?.rows.find((r) => r.id === t.id);
    lines.push(
      [
        safeCsvField(t.id),
        safeCsvField(t.name),
        num(t.seniority),
        num(t.originalBalance),
        csvField(t.coupon),
        num(t.walYears),
        t.firstPrincipal?.date ?? '',
        t.lastPrincipal?.date ?? '',
        t.expectedFinal?.date ?? '',
        t.expectedMaturity ?? '',
        num(t.balanceAfterExpectedMaturity),
        t.legalFinalMaturity ?? '',
        num(t.totalInterest),
        num(t.totalPrincipal),
        num(t.totalResidual),
        num(t.writeDown),
        num(t.lossRate),
        num(t.interestShortfall),
        num(t.yieldAtParAnnualEffective),
        num(t.yieldAtParBondEquivalent),
        num(t.yieldAtParMortgageEquivalent),
        num(t.yieldAtParChinaInterbank),
        num(t.modifiedDurationYears),
        num(t.irr),
        num(t.creditEnhancementAtClosing),
        ...(breakeven
          ? be
            ? [num(be.stress), be.interest === 'timely' ? 'timely interest' : 'ultimate payment', be.status, num(be.cumulativeDefaultRate), num(be.cumulativeNetLossRate)]
            : ['', '', 'no coupon', '', '']
          : []),
      ].join(','),
    );
  }
  return `${lines.join('\n')}\n`;
}

export function periodsCsv(run: Pick<DealRunResult, 'periods' | 'cumulativeDefaultRate' | 'cumulativeNetLoss'>): string {
  const first = run.periods[0];
  const noteIds = first?.notes.map((n) => n.id) ?? [];
  const feeIds = first?.fees.map((f) => f.id) ?? [];
  const triggerIds = first?.triggers.map((t) => t.id) ?? [];
  const warned = new Set(first?.triggers.filter((t) => t.warning !== undefined).map((t) => t.id));
  const hasReserve = first?.reserve !== undefined;
  const header = [
    'Period',
    'Accrual start',
    'Payment date',
    'Pool beginning balance',
    'Interest collected',
    'Penalty interest',
    'Scheduled principal',
    'Prepayments',
    'Defaults',
    'Recoveries',
    'Losses',
    'Pool ending balance',
    'Pool factor',
    '60+ DPD balance',
    'Revolving purchases (cash paid)',
    'Principal purchased',
    'Purchase refused (cash kept)',
    'Purchase refused because',
    'Clean-up proceeds',
    'Servicing strip',
    'Available interest funds',
    'Available principal funds',
    'of which principal carried',
    'Excess spread',
    'Liquidity coverage',
    ...feeIds.flatMap((id) => [`${id} due`, `${id} paid`, `${id} unpaid`]),
    ...noteIds.flatMap((id) => [
      `${id} beginning`,
      `${id} coupon`,
      `${id} interest due`,
      `${id} interest paid`,
      `${id} shortfall`,
      `${id} principal`,
      `${id} of which write-downs reimbursed`,
      `${id} write-down`,
      `${id} ending`,
      `${id} residual`,
    ]),
    ...(hasReserve ? ['Reserve beginning', 'Reserve target', 'Reserve release', 'Reserve draws', 'Reserve deposits', 'Reserve ending'] : []),
    ...triggerIds.flatMap((id) => [`${id} value`, `${id} threshold`, `${id} breached`, ...(warned.has(id) ? [`${id} warning`] : [])]),
    'Residual to seller',
    'Revolving',
    'Accelerated',
    'Cumulative default rate',
    'Cumulative net loss',
  ];
  const lines = [header.map(safeCsvField).join(',')];
  run.periods.forEach((p, k) => {
    lines.push(
      [
        num(p.period),
        p.accrualStart,
        p.paymentDate,
        num(p.pool.beginningBalance),
        num(p.pool.interest),
        num(p.pool.penaltyInterest),
        num(p.pool.scheduledPrincipal),
        num(p.pool.prepayments),
        num(p.pool.defaults),
        num(p.pool.recoveries),
        num(p.pool.losses),
        num(p.pool.endingBalance),
        num(p.pool.poolFactor),
        num(p.pool.delinquent60Plus),
        num(p.pool.purchasesCash),
        num(p.pool.principalPurchased),
        num(p.pool.purchaseRefused.cash),
        safeCsvField(p.pool.purchaseRefused.reasons.join('; ')),
        num(p.pool.cleanUpProceeds),
        num(p.servicingStrip),
        num(p.availableFunds.interest),
        num(p.availableFunds.principal),
        num(p.availableFunds.principalCarried),
        num(p.excessSpread),
        num(p.liquidityCoverage),
        ...feeIds.flatMap((id) => {
          const f = p.fees.find((x) => x.id === id);
          return [num(f?.due), num(f?.paid), num(f?.unpaid)];
        }),
        ...noteIds.flatMap((id) => {
          const n = p.notes.find((x) => x.id === id);
          return [
            num(n?.beginningBalance),
            num(n?.couponRate),
            num(n?.interestDue),
            num(n?.interestPaid),
            num(n?.interestShortfall),
            num(n?.principalPaid),
            num(n?.writeDownReimbursed),
            num(n?.writeDown),
            num(n?.endingBalance),
            num(n?.residualPaid),
          ];
        }),
        ...(hasReserve ? [num(p.reserve?.beginningBalance), num(p.reserve?.target), num(p.reserve?.release), num(p.reserve?.draws), num(p.reserve?.deposits), num(p.reserve?.endingBalance)] : []),
        ...triggerIds.flatMap((id) => {
          const t = p.triggers.find((x) => x.id === id);
          return [num(t?.value), num(t?.threshold), t?.breached ? 'yes' : 'no', ...(warned.has(id) ? [t?.warning ? 'yes' : 'no'] : [])];
        }),
        num(p.residualToSeller),
        p.revolving ? 'yes' : 'no',
        p.accelerated ? 'yes' : 'no',
        num(run.cumulativeDefaultRate[k]),
        num(run.cumulativeNetLoss[k]),
      ].join(','),
    );
  });
  return `${lines.join('\n')}\n`;
}

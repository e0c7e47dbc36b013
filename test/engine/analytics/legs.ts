import { addMonths, EngineError, formatIsoDate, parseIsoDate, type CashFlowLeg } from '../../../engine/index.ts';

// Leg builders and helpers for the analytics tests. Dates step by whole months from settlement (addMonths), so
// a leg settling on the 1st of a month pays on the 1st of each following period.

/** Payment dates every 12/paymentsPerYear months after settlement. */
export function paymentDates(settlementDate: string, periods: number, paymentsPerYear: number): string[] {
  const start = parseIsoDate(settlementDate);
  return Array.from({ length: periods }, (_, t) => formatIsoDate(addMonths(start, ((t + 1) * 12) / paymentsPerYear)));
}

/** A fixed-coupon bullet: coupon face × rate / paymentsPerYear each period, the face at the last. */
export function bulletLeg(face: number, couponRate: number, periods: number, paymentsPerYear: number, settlementDate = '2021-01-01'): CashFlowLeg {
  const principal = Array.from({ length: periods }, (_, t) => (t === periods - 1 ? face : 0));
  const interest = Array.from({ length: periods }, () => (face * couponRate) / paymentsPerYear);
  return { originalBalance: face, settlementDate, paymentsPerYear, paymentDates: paymentDates(settlementDate, periods, paymentsPerYear), principal, interest };
}

/** A level-payment (等额本息) monthly mortgage, unrounded: payment = B·i / (1 − (1 + i)^−n), i = rate/12. */
export function levelPayLeg(face: number, rateAnnual: number, months: number, settlementDate = '2025-01-01'): CashFlowLeg {
  const i = rateAnnual / 12;
  const payment = (face * i) / (1 - (1 + i) ** -months);
  const principal: number[] = [];
  const interest: number[] = [];
  const endingBalance: number[] = [];
  let balance = face;
  for (let t = 0; t < months; t++) {
    const paidInterest = balance * i;
    const paidPrincipal = t === months - 1 ? balance : payment - paidInterest;
    balance -= paidPrincipal;
    principal.push(paidPrincipal);
    interest.push(paidInterest);
    endingBalance.push(Math.max(balance, 0));
  }
  return { originalBalance: face, settlementDate, paymentsPerYear: 12, paymentDates: paymentDates(settlementDate, months, 12), principal, interest, endingBalance };
}

/** The EngineError code `run` throws, 'not an EngineError' for another throw, undefined when it returns. */
export function errorCode(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    return error instanceof EngineError ? error.code : 'not an EngineError';
  }
  return undefined;
}

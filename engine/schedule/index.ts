// Loan schedules: amortization conventions, installment and interest kernels, due dates.
// Kernels (levelPayment, scheduledPrincipal, accruedInterest, …) are scalar and allocation-free
// for loan-level projection; loanSchedule builds one loan's full schedule in typed arrays.
export * from './amortization.ts';
export * from './due-dates.ts';
export * from './interest.ts';
export * from './level-payment.ts';
export * from './loan-schedule.ts';
export * from './principal.ts';
export * from './rates.ts';
export * from './servicing.ts';
export { assertSmmVector } from './validate.ts';

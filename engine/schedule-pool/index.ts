export type { ScheduleOverlay, ScheduleRow } from './types.ts';
export { scheduleRowMonths } from './months.ts';
export { scheduleFlows } from './overlay.ts';
export { aprFromFlatFeeRate, flatFeeSchedule, type FlatFeeInstallment } from './flat-fee.ts';

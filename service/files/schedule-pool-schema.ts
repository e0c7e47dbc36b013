import { z } from 'zod';
import { wholeNumber } from '../../engine/index.ts';

/**
 * A deal's pool as a projected cash-flow schedule (the circular's 现金流归集表, or an originator's
 * run-off table) instead of loans, with the stress a rating agency lays over it. Amounts in yuan
 * (`abs import-schedule` converts 万元); see docs/schedule-pools.md for the formulas.
 */
const money = z.number().min(0).max(1e15);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date YYYY-MM-DD');

export const SCHEDULE_ROW_SCHEMA = z.strictObject({
  periodEnd: isoDate.describe('Last day of the collection period (归集时间 / 收款期间截止日)'),
  openingBalance: money.describe('Unpaid principal at the period’s start (期初本金余额); checked against the balance rolled from the first row'),
  scheduledPrincipal: money.describe('Scheduled principal collections (本金回收款 / 应收本金)'),
  interest: money.describe('Interest or fee collections (利息回收款 / 应收利息 / 手续费)'),
  prepayment: money.optional().describe('Prepayments the schedule itself assumes (早偿本金); default 0'),
  defaults: money.optional().describe('Gross defaults the schedule itself assumes (违约本金); default 0'),
  recoveries: money.optional().describe('Recoveries the schedule itself assumes (回收款 on defaulted loans); default 0'),
  delinquent: money.optional().describe('Principal 61+ days delinquent at the period’s end the schedule assumes (逾期本金); default 0; read by triggers, moves no cash'),
});

export const SCHEDULE_STRESS_SCHEMA = z
  .strictObject({
    default: z
      .string()
      .min(1)
      .max(2000)
      .optional()
      .describe('Default rate in vector notation by pool month (docs/vector-notation.md), e.g. "3 CDR" or "2 for 6, 4"; applied to the performing balance each month'),
    prepayment: z.string().min(1).max(2000).optional().describe('Prepayment rate in vector notation by pool month, e.g. "10 CPR"; applied after the scheduled principal'),
    delinquency: z
      .string()
      .min(1)
      .max(2000)
      .optional()
      .describe('61+ day delinquent share of the performing balance at each month end, in vector notation (percent, e.g. "1.5"); read by triggers, moves no cash'),
    recoveryRate: z.number().min(0).max(1).optional().describe('Share of an overlay default recovered, decimal; default 0'),
    recoveryLagMonths: wholeNumber('recoveryLagMonths', 0, 120).optional().describe('Months from default to recovery; default 0'),
  })
  .describe('The base stress on the schedule; abs run --default/--prepay/--default-mult and the breakeven solvers replace or scale it');

export const SCHEDULE_POOL_SCHEMA = z.strictObject({
  name: z.string().min(1).max(200).optional().describe('The pool’s name, for titles'),
  cutoffDate: isoDate.optional().describe('Initial cut-off date (初始起算日); default the deal’s cutoff. Pool month 1 starts in its month, or in the next month when it is a month end'),
  rows: z
    .array(SCHEDULE_ROW_SCHEMA)
    .min(1)
    .max(1200)
    .optional()
    .describe('One row per collection period, in order; a row may span several months (the first period of a circular often does). Give rows, or `schedule`'),
  schedule: z
    .string()
    .min(1)
    .max(200)
    .optional()
    .describe('Instead of rows: the name of a schedule imported into the workspace (abs import-schedule; API schedule.import); the service reads its rows when the deal runs with that workspace open'),
  stress: SCHEDULE_STRESS_SCHEMA.optional(),
});

export type SchedulePoolFile = z.infer<typeof SCHEDULE_POOL_SCHEMA>;
export type ScheduleStress = z.infer<typeof SCHEDULE_STRESS_SCHEMA>;

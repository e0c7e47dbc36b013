import { describe, expect, it } from 'vitest';
import type { DealRunResult } from '../../service/api/contract.ts';
import { periodColumns, periodsCsv } from '../../renderer/areas/deal/periods.ts';
import { translator } from '../../renderer/app/i18n.tsx';

const en = translator('en');

// The periods CSV carries the pool by delinquency state and 逾期总额 when the run has every state.
const states = { current: 9_000, dpd1_30: 500.25, dpd31_60: 250, dpd61_90: 150, dpd91_180: 99.75, overdueTotal: 120.4 };
const period = {
  period: 1,
  accrualStart: '2027-01-01',
  paymentDate: '2027-02-26',
  pool: { endingBalance: 10_000, delinquent60Plus: 249.75, delinquent90Plus: 99.75, purchaseRefused: { cash: 0, reasons: [] }, delinquencyStates: states },
  availableFunds: {},
  fees: [],
  notes: [],
  triggers: [],
};
const run = (basis: DealRunResult['delinquencyStateBasis']) =>
  ({ periods: [period], tranches: [], cumulativeDefaultRate: [0], cumulativeNetLoss: [0], delinquencyStateBasis: basis }) as unknown as DealRunResult;

describe('the periods CSV and the delinquency states', () => {
  it('a roll-rate run: one column per state and 逾期总额, at the cents the run holds, adding up to the pool balance', () => {
    const csv = periodsCsv(run('rollRate'), periodColumns(run('rollRate'), en), en)
      .trim()
      .split(/\r?\n/);
    const header = (csv[0] ?? '').split(',');
    const row = (csv[1] ?? '').split(',');
    const cell = (name: string): number => Number(row[header.indexOf(`${name} (deal currency)`)]);
    expect(cell('Current balance') + cell('1-30 DPD balance') + cell('31-60 DPD balance') + cell('61-90 DPD balance') + cell('91-180 DPD balance')).toBeCloseTo(cell('Pool ending balance'), 9);
    expect(cell('1-30 DPD balance')).toBe(500.25);
    expect(cell('Overdue total (逾期总额)')).toBe(120.4);
  });

  it('a schedule pool: no state columns (its 61+ column is the 60+ DPD balance)', () => {
    const headers = periodColumns(run('schedule'), en).map((c) => c.csvHeader);
    expect(headers).toContain('60+ DPD balance');
    expect(headers.some((h) => h.includes('1-30'))).toBe(false);
  });
});

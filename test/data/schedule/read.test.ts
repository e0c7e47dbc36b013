import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import ExcelJS from '../../../data/excel.ts';
import { UserError } from '../../../data/errors.ts';
import { readScheduleFile } from '../../../data/schedule/read.ts';
import { REPO_ROOT } from '../../helpers/repo.ts';
import { useTempDir } from '../../helpers/tmp.ts';

const tempDir = useTempDir();
const HX5 = join(REPO_ROOT, 'test', 'fixtures', 'schedules', 'hx5-2017-collection-schedule.csv');

function csv(name: string, text: string): string {
  const path = join(tempDir(), name);
  writeFileSync(path, text);
  return path;
}

async function failure(promise: Promise<unknown>): Promise<UserError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof UserError) return error;
    throw error;
  }
  throw new Error('expected a UserError');
}

describe('readScheduleFile: a collection schedule from CSV or XLSX', () => {
  it('reads the 和享 2017-5 现金流归集表 as printed (万元, Chinese headers) into yuan', async () => {
    const read = await readScheduleFile(HX5, { unit: '万元' });
    expect(read.rows).toHaveLength(23);
    // Row 1 as printed (page 41): 1,506,120.36 万元 opening, 206,599.18 principal, 25,152.42 interest → yuan × 10,000.
    expect(read.rows[0]).toEqual({ periodEnd: '2017-12-31', openingBalance: 15_061_203_600, scheduledPrincipal: 2_065_991_800, interest: 251_524_200 });
    expect(read.rows[22]).toEqual({ periodEnd: '2019-10-31', openingBalance: 11_834_000, scheduledPrincipal: 11_834_000, interest: 2_130_100 });
    expect(read.columns.map((c) => c.column)).toEqual(['periodEnd', 'paymentDate', 'openingBalance', 'scheduledPrincipal', 'interest', 'closingBalance']);
    expect(read.ignored).toEqual(['支付日']);
    expect(read.format).toBe('csv');
  });

  it('refuses a table whose unit is not stated, and takes it from a header’s （万元）', async () => {
    const error = await failure(readScheduleFile(HX5));
    expect(error.message).toMatch(/unit is not stated/);
    const path = csv('units.csv', '收款期间截止日,期初本金余额（万元）,应收本金（万元）,应收利息（万元）\n2024-01-31,10,4,0.5\n2024-02-29,6,6,0.3\n');
    const read = await readScheduleFile(path);
    expect(read.unit).toBe('万元');
    expect(read.rows[0]).toEqual({ periodEnd: '2024-01-31', openingBalance: 100_000, scheduledPrincipal: 40_000, interest: 5000 });
    expect((await failure(readScheduleFile(path, { unit: '元' }))).message).toMatch(/states 万元 but the unit setting is 元/);
  });

  it('reads English headers in yuan with optional prepayment, default, recovery and delinquency columns', async () => {
    const path = csv(
      'english.csv',
      'Period End,Opening Balance,Scheduled Principal,Interest,Prepayment,Defaults,Recoveries,Delinquent\n2024/1/31,"1,000.00",400,20,100,100,,5\n2024/2/29,400,400,8,0,0,40,0\n',
    );
    const read = await readScheduleFile(path, { unit: '元' });
    expect(read.rows).toEqual([
      { periodEnd: '2024-01-31', openingBalance: 1000, scheduledPrincipal: 400, interest: 20, prepayment: 100, defaults: 100, delinquent: 5 },
      { periodEnd: '2024-02-29', openingBalance: 400, scheduledPrincipal: 400, interest: 8, prepayment: 0, defaults: 0, recoveries: 40, delinquent: 0 },
    ]);
  });

  it('names the file, row and column of a bad value, a blank required cell and a missing column', async () => {
    const bad = await failure(readScheduleFile(csv('bad.csv', '归集日,期初本金余额,应收本金,应收利息\n2024-01-31,100,50,1\n2024-02-29,50,abc,1\n'), { unit: '元' }));
    expect(bad.message).toMatch(/^bad\.csv: row 3, column "应收本金", value "abc": /);
    expect(bad.details).toMatchObject({ file: 'bad.csv', row: 3, column: '应收本金' });
    const blank = await failure(readScheduleFile(csv('blank.csv', '归集日,期初本金余额,应收本金,应收利息\n2024-01-31,100,,1\n'), { unit: '元' }));
    expect(blank.message).toMatch(/row 2, column "应收本金": blank/);
    const missing = await failure(readScheduleFile(csv('missing.csv', '归集日,期初本金余额,应收本金\n2024-01-31,100,50\n'), { unit: '元' }));
    expect(missing.message).toMatch(/no column for interest/);
    const negative = await failure(readScheduleFile(csv('neg.csv', '归集日,期初本金余额,应收本金,应收利息\n2024-01-31,100,-5,1\n'), { unit: '元' }));
    expect(negative.message).toMatch(/row 2, column "应收本金", value "-5": a collection or balance cannot be negative/);
  });

  it('checks that balances roll within one printed unit, and that periods run forward', async () => {
    const header = '归集日,期初本金余额,应收本金,应收利息,期末本金余额\n';
    const off = await failure(readScheduleFile(csv('roll.csv', `${header}2024-01-31,100,50,1,49\n`), { unit: '元' }));
    expect(off.message).toMatch(/row 2: closing balance 49 is not opening − principal − prepayments − defaults \(50\)/);
    // 0.01 万元 off (a table rounded row by row, as 和享 2017-5's row 4 is) is accepted.
    await expect(readScheduleFile(csv('rounded.csv', `${header}2024-01-31,100.00,50.00,1,50.01\n`), { unit: '万元' })).resolves.toBeDefined();
    const back = await failure(readScheduleFile(csv('order.csv', `${header}2024-02-29,100,50,1,50\n2024-01-31,50,50,1,0\n`), { unit: '元' }));
    expect(back.message).toMatch(/row 3: period end 2024-01-31 is not in a later month/);
  });

  it('skips a 合计 line and reads an XLSX sheet with real dates', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('现金流');
    sheet.addRow(['归集时间', '期初本金余额', '应收本金', '应收利息']);
    sheet.addRow([new Date(Date.UTC(2024, 0, 31)), 1000, 600, 12]);
    sheet.addRow([new Date(Date.UTC(2024, 1, 29)), 400, 400, 4]);
    sheet.addRow(['合计', '', 1000, 16]);
    const path = join(tempDir(), 'schedule.xlsx');
    await workbook.xlsx.writeFile(path);
    const read = await readScheduleFile(path, { unit: '元' });
    expect(read.format).toBe('xlsx');
    expect(read.rows).toEqual([
      { periodEnd: '2024-01-31', openingBalance: 1000, scheduledPrincipal: 600, interest: 12 },
      { periodEnd: '2024-02-29', openingBalance: 400, scheduledPrincipal: 400, interest: 4 },
    ]);
    expect(read.skipped).toEqual([4]);
  });
});

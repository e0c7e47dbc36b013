import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GRID_PARAMETER_RANGES, type DealRunRequest, type GridParameter } from '../../service/api/contract.ts';
import { readDealFile } from '../../service/files/deal-file.ts';
import { checkAxis, GRID_PARAMETER_NAMES } from '../../service/runs/grid-parameters.ts';
import { Service } from '../../service/service.ts';
import { axisValues, GRID_PARAMETERS, gridKey, gridRequest, type GridForm } from '../../renderer/areas/deal/grid-form.ts';
import { sayApiError } from '../../renderer/app/coded.ts';
import { chooseLanguage } from '../../renderer/app/language.ts';
import { loadCatalogue } from '../../renderer/app/catalogues.ts';
import { useTempDir } from '../helpers/tmp.ts';

// Chinese is a chunk of its own (renderer/app/catalogues.ts): loaded once here, so chooseLanguage switches within its call.
beforeAll(() => loadCatalogue('zh-CN'));
afterEach(() => chooseLanguage('en'));
const tempDir = useTempDir();

/** The Deal screen's grid form: axes typed as the CLI's --grid writes them, read into a deal.grid request. */

const template = readDealFile(JSON.parse(readFileSync(new URL('../../templates/deals/cn-consumer-revolving.json', import.meta.url), 'utf8')));
const deal: DealRunRequest = { deal: template };
const form: GridForm = { rowParameter: 'defaultMult', rowValues: '0.5:2:0.5', columnParameter: 'prepayMult', columnValues: '0.5,1,1.5', workers: '', latest: null, shown: null };

/** Whether the service's own check (service/runs/grid-parameters.ts) takes the value on an axis of its parameter. */
function serviceTakes(parameter: GridParameter, value: number): boolean {
  try {
    checkAxis({ parameter, values: [value] }, 'rows');
    return true;
  } catch {
    return false;
  }
}

describe('the grid form', () => {
  it('reads a range start:end:step inclusively, by whole steps, without float noise', () => {
    // 0.5, 1, 1.5, 2 (4 values); 0.1:0.3:0.1 is 0.1, 0.2, 0.3 — not 0.30000000000000004.
    expect(axisValues('0.5:2:0.5')).toEqual({ values: [0.5, 1, 1.5, 2] });
    expect(axisValues('0.1:0.3:0.1')).toEqual({ values: [0.1, 0.2, 0.3] });
    expect(axisValues(' 3 ')).toEqual({ values: [3] });
    expect(axisValues('1,0.5, 2')).toEqual({ values: [1, 0.5, 2] });
  });

  it('names what is wrong with an axis', () => {
    expect(axisValues('')).toEqual({ problem: 'no values (a range start:end:step, or values v1,v2,…)' });
    expect(axisValues('0.5:2')).toEqual({ problem: 'a range is start:end:step, got 2 parts' });
    expect(axisValues('0.5:2:0')).toEqual({ problem: 'the step must be greater than 0, got 0' });
    expect(axisValues('2:1:0.5')).toEqual({ problem: 'the end 1 is below the start 2' });
    expect(axisValues('0:1:0.3')).toEqual({ problem: '0 to 1 is not a whole number of steps of 0.3' });
    expect(axisValues('0:300:1')).toEqual({ problem: '301 values; an axis takes at most 200' });
    expect(axisValues('1,x,2')).toEqual({ problem: "value 2 ('x') is not a number" });
    expect(axisValues('1,2,1')).toEqual({ problem: 'a value is repeated' });
  });

  it('builds the deal.grid request on the deal chosen above, with workers when given', () => {
    expect(gridRequest(form, deal)).toEqual({
      request: { deal: template, rows: { parameter: 'defaultMult', values: [0.5, 1, 1.5, 2] }, columns: { parameter: 'prepayMult', values: [0.5, 1, 1.5] } },
    });
    const two = gridRequest({ ...form, workers: '2' }, deal);
    expect('request' in two && two.request.jobs).toBe(2);
    // The worker count does not change the result, so it is not part of the result's key.
    if ('request' in two) expect(gridKey(two.request)).toBe(gridKey({ ...two.request, jobs: 1 }));
    expect(gridRequest({ ...form, workers: '0' }, deal)).toEqual({ problem: 'Workers must be a whole number from 1 to 256, or empty for every core', field: 'workers' });
    expect(gridRequest({ ...form, columnParameter: 'defaultMult' }, deal)).toEqual({ problem: 'Rows and columns must be two different parameters' });
    expect(gridRequest({ ...form, columnValues: '1,,2' }, deal)).toEqual({ problem: "Columns (prepayMult): value 2 ('') is not a number", field: 'columns' });
  });

  it('names a value outside its parameter’s range at its axis before Run, in the chosen language (the walkthrough’s -1:2:1 and 2000 reached the service)', async () => {
    expect(gridRequest({ ...form, rowValues: '-1:2:1' }, deal)).toEqual({ problem: 'Rows (defaultMult): value -1 is outside this parameter’s range, 0 to 1000', field: 'rows' });
    expect(gridRequest({ ...form, rowValues: '2000' }, deal)).toEqual({ problem: 'Rows (defaultMult): value 2000 is outside this parameter’s range, 0 to 1000', field: 'rows' });
    const lag = { ...form, columnParameter: 'recoveryLag' as const, columnValues: '0,1.5' };
    expect(gridRequest(lag, deal)).toEqual({ problem: 'Columns (recoveryLag): value 1.5 is not a whole number from 0 to 120, this parameter’s range', field: 'columns' });
    await chooseLanguage('zh-CN');
    expect(gridRequest({ ...form, rowValues: '-1:2:1' }, deal)).toEqual({ problem: '行（defaultMult）：取值 -1 超出该参数的范围 0 到 1000', field: 'rows' });
    expect(gridRequest({ ...form, rowValues: '2000' }, deal)).toEqual({ problem: '行（defaultMult）：取值 2000 超出该参数的范围 0 到 1000', field: 'rows' });
    expect(gridRequest(lag, deal)).toEqual({ problem: '列（recoveryLag）：取值 1.5 不是该参数范围 0 到 120 内的整数', field: 'columns' });
  });

  it('takes exactly the values the service takes, for every parameter (both read the contract’s GRID_PARAMETER_RANGES)', () => {
    for (const parameter of GRID_PARAMETER_NAMES) {
      const { min, max } = GRID_PARAMETER_RANGES[parameter];
      const other: GridParameter = parameter === 'prepayMult' ? 'defaultMult' : 'prepayMult';
      for (const value of [min, max, min - 1, max + 1, min - 0.5, max + 0.5, (min + max) / 2 + 0.25]) {
        const asked = gridRequest({ ...form, rowParameter: parameter, rowValues: String(value), columnParameter: other, columnValues: '1' }, deal);
        expect(['request' in asked, parameter, value]).toEqual([serviceTakes(parameter, value), parameter, value]);
      }
    }
  });

  it('the service’s own refusal of an axis is coded, so a screen says it in Chinese (the toast under 无法启动网格 was English)', async () => {
    const service = new Service({ transport: 'test' });
    try {
      await service.call('workspace.open', { path: join(tempDir(), 'ws.sqlite') });
      const refused = await service.call('deal.grid', { ...deal, rows: { parameter: 'defaultMult', values: [-1, 1] }, columns: { parameter: 'recoveryLag', values: [1] } });
      expect(refused.ok).toBe(false);
      const error = refused.ok ? null : refused.error;
      // The English the CLI and the API's readers get stays as it was.
      expect(error?.message).toBe('defaultMult (default curve × (and roll into 1–30 DPD)) must be a number from 0 to 1000, got -1');
      const whole = await service.call('deal.grid', { ...deal, rows: { parameter: 'defaultMult', values: [1] }, columns: { parameter: 'recoveryLag', values: [2.5] } });
      const wholeError = whole.ok ? null : whole.error;
      await chooseLanguage('zh-CN');
      expect(sayApiError(error ?? { message: '' })).toBe('defaultMult（违约乘数（× 违约曲线及转入逾期 1–30 天））必须是 0 到 1,000 的数，实际为 -1。');
      expect(sayApiError(wholeError ?? { message: '' })).toBe('recoveryLag（回收滞后（月））必须是 0 到 120 的整数，实际为 2.5。');
    } finally {
      await service.close();
    }
  });

  it('offers the twelve parameters the CLI’s --grid accepts (docs/sweeps.md)', () => {
    expect(GRID_PARAMETERS).toEqual([
      'defaultMult',
      'prepayMult',
      'cureMult',
      'rollInMult',
      'recoveryMult',
      'recoveryRate',
      'recoveryLag',
      'cdr',
      'cpr',
      'indexShockBps',
      'outageShare',
      'outageMonth',
    ]);
    expect(GRID_PARAMETERS).toEqual(GRID_PARAMETER_NAMES);
  });
});

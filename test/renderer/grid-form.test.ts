import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { DealRunRequest } from '../../service/api/contract.ts';
import { readDealFile } from '../../service/files/deal-file.ts';
import { GRID_PARAMETER_NAMES } from '../../service/runs/grid-parameters.ts';
import { axisValues, GRID_PARAMETERS, gridKey, gridRequest, type GridForm } from '../../renderer/areas/deal/grid-form.ts';

/** The Deal screen's grid form: axes typed as the CLI's --grid writes them, read into a deal.grid request. */

const template = readDealFile(JSON.parse(readFileSync(new URL('../../templates/deals/cn-consumer-revolving.json', import.meta.url), 'utf8')));
const deal: DealRunRequest = { deal: template };
const form: GridForm = { rowParameter: 'defaultMult', rowValues: '0.5:2:0.5', columnParameter: 'prepayMult', columnValues: '0.5,1,1.5', workers: '', latest: null, shown: null };

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
    expect(gridRequest({ ...form, workers: '0' }, deal)).toEqual({ problem: 'Workers must be a whole number from 1 to 256, or empty for every core' });
    expect(gridRequest({ ...form, columnParameter: 'defaultMult' }, deal)).toEqual({ problem: 'Rows and columns must be two different parameters' });
    expect(gridRequest({ ...form, columnValues: '1,,2' }, deal)).toEqual({ problem: "Columns (prepayMult): value 2 ('') is not a number" });
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

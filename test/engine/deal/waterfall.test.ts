import { describe, expect, it } from 'vitest';
import { compileDeal } from '../../../engine/deal/compile.ts';
import { Money } from '../../../engine/deal/money.ts';
import { openingState, runSteps } from '../../../engine/deal/period/index.ts';
import type { Pot } from '../../../engine/deal/steps.ts';
import { EngineError } from '../../../engine/errors.ts';
import { twoNoteDeal } from './helpers.ts';

// runSteps records what each step paid in the period's steps column at its path's index in the
// compiled deal (DealResult.stepPaths). A path the index does not hold must stop the run: booking
// the payment in column 0 would credit the first step with another step's money.

function setUp() {
  const compiled = compileDeal(twoNoteDeal());
  const state = openingState({}, compiled, new Money(1_000_000));
  const seller = compiled.combined?.at(-1);
  if (seller === undefined) throw new Error('the two-note deal ends with a residual step');
  return { compiled, state, seller };
}

/** 1,000.00 in the pot: the residual step pays all of it to the seller. */
function pot(): Pot {
  return { funds: new Money(1000), interestOfSeparate: false };
}

describe('runSteps', () => {
  it("books a step's payment at its path's index", () => {
    const { compiled, state, seller } = setUp();
    const stepPaid = compiled.stepPaths.map(() => 0);
    runSteps(state, [seller], pot(), compiled.stepIndex, stepPaid, 1);
    expect(seller.path).toBe('waterfall.combined[3]');
    expect(stepPaid[compiled.stepPaths.indexOf('waterfall.combined[3]')]).toBe(1000);
    expect(stepPaid.filter((x) => x !== 0)).toEqual([1000]);
  });

  it('throws STEP_NOT_INDEXED for a step path missing from the index, paying nothing', () => {
    const { compiled, state, seller } = setUp();
    const stepPaid = compiled.stepPaths.map(() => 0);
    const funds = pot();
    const stray = { path: 'waterfall.combined[9]', step: seller.step };
    let thrown: unknown;
    try {
      runSteps(state, [stray], funds, compiled.stepIndex, stepPaid, 4);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(EngineError);
    expect(thrown).toMatchObject({ code: 'STEP_NOT_INDEXED', details: { period: 4, step: 'waterfall.combined[9]' } });
    expect(stepPaid.every((x) => x === 0)).toBe(true);
    expect(funds.funds.toNumber()).toBe(1000);
    expect(state.seller.isZero()).toBe(true);
  });
});

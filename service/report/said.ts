/**
 * The runs of a report as its language says them: a generated run name (`nameCoded`, migration 007)
 * and a deal run's coded warnings (`codedWarnings`) from the shared message catalogues
 * (messages/say.ts, the screens' words, every language registered by messages/all.ts), and each
 * note's coupon, stored in English ("2.80% fixed", messages/coupon.ts); a typed or renamed name
 * stays as typed, and a run stored before codes keeps its English warnings. Money inside a message
 * is written as the report's money cells are: the deal's currency, 2 decimals, no sign (its Summary
 * states the currency; the screens' ¥ could be the wrong currency here), as the service's English
 * writes it. Every sheet then writes `name`,
 * `run.warnings` and the tranches' `coupon` as given.
 */
import { formatAmount } from '../../messages/numbers.ts';
import { couponIn, runNameIn, warningsIn, type SayOptions } from '../../messages/all.ts'; // say.ts with every language registered
import type { ReportModel, ReportScenario, ReportSweep } from './model.ts';

const IN_THE_REPORT: SayOptions = { money: formatAmount };

function scenarioSaid(model: ReportModel, scenario: ReportScenario): ReportScenario {
  const tranches = scenario.run.tranches.map((row) => ({ ...row, coupon: couponIn(model.language, row.coupon) }));
  const run = { ...scenario.run, warnings: warningsIn(model.language, scenario.run, IN_THE_REPORT), tranches };
  return { ...scenario, name: runNameIn(model.language, scenario, IN_THE_REPORT), run };
}

function sweepSaid<R>(model: ReportModel, sweep: ReportSweep<R>): ReportSweep<R> {
  return { ...sweep, name: runNameIn(model.language, sweep, IN_THE_REPORT) };
}

export function modelSaid(model: ReportModel): ReportModel {
  return {
    ...model,
    scenarios: model.scenarios.map((s) => scenarioSaid(model, s)),
    grids: model.grids.map((g) => sweepSaid(model, g)),
    monteCarlo: model.monteCarlo.map((mc) => sweepSaid(model, mc)),
  };
}

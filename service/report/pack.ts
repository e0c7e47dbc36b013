import type { InvestorPack } from '../api/contract.ts';
import { scenarioRow } from '../runs/scenario-set.ts';
import type { ReportModel } from './model.ts';

/**
 * The investor review pack's numbers: the same report model the Excel workbook is written from
 * (the same stored runs, the same scenario rows as its comparison sheet), so the pack and the
 * workbook cannot disagree. The print view renders these; it computes nothing of its own.
 */
export function investorPack(model: ReportModel): InvestorPack {
  const head = model.scenarios[0]?.run;
  return {
    dealName: model.deal.name ?? 'Deal',
    // The stored runs' deal file's own word for its money (report.pack refuses runs of different deals): the print view writes every amount with its sign.
    ...(model.deal.currency === undefined ? {} : { currency: model.deal.currency }),
    poolName: head?.poolName ?? '',
    cutoffDate: head?.cutoffDate ?? model.deal.dates.cutoff,
    closingDate: model.deal.dates.closing,
    legalFinalMaturity: model.deal.dates.legalFinalMaturity,
    poolBalance: head?.poolBalance ?? 0,
    language: model.language,
    generatedAt: model.generatedAt,
    engine: model.engine,
    scenarios: model.scenarios.map((s) => ({
      ...scenarioRow(s.name, null, s.run),
      runId: s.runId,
      ...(s.nameCoded ? { nameCoded: s.nameCoded } : {}),
      inputHash: s.inputHash,
      breakevens: s.breakevens,
      run: s.run,
    })),
    strats: model.strats,
    grids: model.grids.map((grid) => ({ runId: grid.runId, name: grid.name, ...(grid.nameCoded ? { nameCoded: grid.nameCoded } : {}), inputHash: grid.inputHash, result: grid.result })),
    monteCarlo: model.monteCarlo.map((mc) => ({ runId: mc.runId, name: mc.name, ...(mc.nameCoded ? { nameCoded: mc.nameCoded } : {}), inputHash: mc.inputHash, result: mc.result })),
  };
}

import { useMemo } from 'react';
import type { BreakevenResult, TrancheRow } from '../../../../service/api/contract.ts';
import { formatPct } from '../../../app/format.ts';
import { DataTable, type Column } from '../../../components/DataTable.tsx';
import { CoverageChart, LiquidityChart, LossChart } from '../../deal/DealRiskCharts.tsx';
import { stressOf } from '../../deal/BreakevenView.tsx';
import { trancheColumns } from '../../deal/DealRunView.tsx';
import { formatMoney, type DealCurrency } from '../../deal/model.ts';
import { PACK_CHART_SIZE, scenarioTitle, type PackScenario } from './pack-model.ts';
import { translate, useT, type Translate } from '../../../app/i18n.tsx';
import { runName } from '../../../app/run-name.ts';

/** The breakeven column when the scenario's breakevens were run (the Deal screen's breakeven unit and test). */
function breakevenColumn(breakevens: BreakevenResult, t: Translate): Column<TrancheRow> {
  return {
    key: 'breakeven',
    header: breakevens.by === 'cdr' ? t('deal.breakevenCdrAnnual') : t('deal.breakevenDefaultMultiplier'),
    render: (tranche) => {
      const row = breakevens.rows.find((b) => b.id === tranche.id);
      return row === undefined ? '—' : stressOf(breakevens.by, row);
    },
    align: 'right',
  };
}

/** The scenario's pool figures in one line: cumulative default, net loss, reserve draws (in the deal's currency), trigger breaches. */
function poolLine(s: PackScenario, currency: DealCurrency): string {
  const breaches = Object.entries(s.triggerFirstBreach).map(([id, period]) => (period === null ? translate('pack.triggerNotBreached', { id }) : translate('pack.triggerBreachedIn', { id, period })));
  return [
    translate('pack.cumulativeDefaultRate', { rate: formatPct(s.cumulativeDefaultRate) }),
    translate('pack.cumulativeNetLoss', { amount: formatMoney(s.cumulativeNetLoss, currency), rate: formatPct(s.cumulativeNetLossRate) }),
    translate('pack.reserveDraws', { amount: formatMoney(s.reserveDraws, currency) }),
    ...breaches,
  ].join(' · ');
}

/** One page per scenario: its tranche table, pool figures, and the liquidity, coverage and loss charts; amounts in the deal's currency (report.pack's `currency`). */
export function PackScenarioPage({ dealName, scenario, index, currency }: { dealName: string; scenario: PackScenario; index: number; currency: DealCurrency }) {
  const t = useT();
  const { run } = scenario;
  const tranches = useMemo(() => [...scenario.tranches].sort((a, b) => a.seniority - b.seniority), [scenario.tranches]);
  const columns = useMemo(() => {
    const base = trancheColumns(run, t, currency);
    return scenario.breakevens === null ? base : [...base, breakevenColumn(scenario.breakevens, t)];
  }, [run, scenario.breakevens, t, currency]);
  return (
    <section className="pack-page" data-testid="pack-scenario" aria-label={t('pack.scenarioLabel', { name: runName(scenario) })}>
      <header className="pack-page-header">
        <span>{dealName}</span>
        <span>{t('pack.scenarioHeader', { n: index + 1, title: scenarioTitle(scenario) })}</span>
      </header>
      <h2>{runName(scenario)}</h2>
      <DataTable columns={columns} rows={tranches} rowKey={(tranche) => tranche.id} testId="pack-tranches" />
      <p className="pack-pool-line small">{poolLine(scenario, currency)}</p>
      <div className="pack-charts">
        <LiquidityChart run={run} size={PACK_CHART_SIZE} currency={currency} />
        <CoverageChart run={run} size={PACK_CHART_SIZE} capAxis />
        <LossChart run={run} size={PACK_CHART_SIZE} />
      </div>
    </section>
  );
}

import type { InvestorPack } from '../../../../service/api/contract.ts';
import { GridHeatmaps } from '../../compare/GridHeatmap.tsx';
import { useT } from '../../../app/i18n.tsx';

type PackGrid = InvestorPack['grids'][number];

/**
 * A stored sensitivity grid's page: each note's loss and WAL heatmaps over the two parameters, the frontier marked — Compare's
 * view of it, drawn for paper (loss to 2 decimals, as the Deal screen, Compare and the workbook show it).
 */
export function PackGridPage({ dealName, grid }: { dealName: string; grid: PackGrid }) {
  const t = useT();
  return (
    <section className="pack-page pack-grid" data-testid="pack-grid" aria-label={t('pack.gridRun', { id: grid.runId })}>
      <header className="pack-page-header">
        <span>{dealName}</span>
        <span>{t('pack.gridHeader', { id: grid.runId, hash: grid.inputHash.slice(0, 16) })}</span>
      </header>
      <GridHeatmaps grid={grid.result} title={t('pack.gridTitle')} />
    </section>
  );
}

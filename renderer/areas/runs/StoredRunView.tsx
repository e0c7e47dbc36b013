import type { StoredRun } from '../../../service/api/contract.ts';
import { formatBytes, formatDateTime } from '../../app/format.ts';
import { BreakevenView } from '../deal/BreakevenView.tsx';
import { DealRunView } from '../deal/DealRunView.tsx';
import { MonteCarloView } from '../deal/MonteCarloView.tsx';
import { ProjectionView } from '../results/ProjectionView.tsx';
import { KIND_LABELS, runCurrency, scenarioLabel } from './labels.ts';
import { StoredGridView, StoredScenarioSetView } from './SweepTables.tsx';
import { useT } from '../../app/i18n.tsx';
import { runName, shortInputHash } from '../../app/run-name.ts';

/** A stored run reopened in the screen that shows its kind of result, under a line saying what it is and which engine computed it. */
export function StoredRunView({ stored, workspacePath }: { stored: StoredRun; workspacePath: string }) {
  const t = useT();
  const { record, inputs, result } = stored;
  const scenario = scenarioLabel(inputs);
  return (
    <div className="stored-run" data-testid="stored-run">
      <p className="run-caption" data-testid="stored-run-caption">
        <strong>{t('runs.run3', { id: record.id, value: t(KIND_LABELS[record.kind]) })}</strong>{' '}
        {t('runs.computedEngineVSources', { name: runName(record), createdAt: formatDateTime(record.createdAt), version: record.engine.version, slice: record.engine.sourcesSha256.slice(0, 12) })}{' '}
        <span className="mono">{shortInputHash(record.inputHash)}</span> {t('runs.result', { resultBytes: formatBytes(record.resultBytes) })}
        {record.compressed ? t('runs.storedCompressed') : ''}
      </p>
      {result.kind === 'deal.run' ? (
        <DealRunView
          info={{
            jobId: `run-${record.id}`,
            workspacePath,
            dealLabel: result.run.dealName,
            poolLabel: result.run.poolName,
            scenario: { kind: 'said', text: scenario },
            mode: result.run.mode,
            inputsKey: record.inputHash,
            deal: `run:${record.id}`,
            currency: runCurrency(inputs),
          }}
          run={result.run}
          seconds={result.seconds}
          stale={false}
        />
      ) : result.kind === 'deal.breakeven' ? (
        <BreakevenView result={result.breakeven} seconds={result.seconds} stale={false} />
      ) : result.kind === 'deal.runScenarios' ? (
        <StoredScenarioSetView result={result.scenarios} seconds={result.seconds} currency={runCurrency(inputs)} />
      ) : result.kind === 'deal.grid' ? (
        <StoredGridView grid={result.grid} seconds={result.seconds} />
      ) : result.kind === 'deal.monteCarlo' ? (
        <MonteCarloView result={result.monteCarlo} seconds={result.seconds} stale={false} currency={runCurrency(inputs)} />
      ) : (
        <ProjectionView
          run={{
            jobId: `run-${record.id}`,
            workspacePath,
            tapeId: result.projection.tapeId ?? 0,
            tapeName: result.projection.sourceName,
            setLabel: t('results.storedWithRun'),
            mode: result.projection.mode,
            assumptionsJson: JSON.stringify(inputs.kind === 'projection' ? inputs.assumptions : null),
          }}
          result={result.projection}
          seconds={result.seconds}
          stale={false}
        />
      )}
    </div>
  );
}

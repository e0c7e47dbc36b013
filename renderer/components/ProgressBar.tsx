import type { JobProgress } from '../../service/api/contract.ts';
import { formatCount } from '../app/format.ts';
import { useT } from '../app/i18n.tsx';

/** A job's progress: percentage when the total is known, rows and rows/s always. */
export function ProgressBar({ progress, label }: { progress: JobProgress | null; label: string }) {
  const t = useT();
  const pct = progress?.fraction === null || progress?.fraction === undefined ? null : Math.round(progress.fraction * 100);
  return (
    <div className="progress" data-testid="job-progress">
      <div className="progress-label">
        <span>{label}</span>
        <span>
          {pct !== null ? `${pct}% · ` : ''}
          {progress ? `${formatCount(progress.done)} ${progress.unit}` : t('common.starting')}
          {progress?.rate ? t('common.s', { count: formatCount(Math.round(progress.rate)), unit: progress.unit }) : ''}
        </span>
      </div>
      <div className={`progress-track${pct === null ? ' indeterminate' : ''}`} role="progressbar" aria-label={label} aria-valuemin={0} aria-valuemax={100} aria-valuenow={pct ?? undefined}>
        <div className="progress-fill" style={{ width: `${pct ?? 30}%` }} />
      </div>
    </div>
  );
}

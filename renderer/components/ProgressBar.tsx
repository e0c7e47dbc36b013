import type { JobProgress } from '../../service/api/contract.ts';
import { progressCountsIn } from '../../messages/progress.ts';
import { useLanguage, useT } from '../app/i18n.tsx';

/** A job's progress: percentage when the total is known, its count (and rate) in its unit's words with their plural (messages/progress.ts). */
export function ProgressBar({ progress, label }: { progress: JobProgress | null; label: string }) {
  const t = useT();
  const language = useLanguage();
  const pct = progress?.fraction === null || progress?.fraction === undefined ? null : Math.round(progress.fraction * 100);
  return (
    <div className="progress" data-testid="job-progress">
      <div className="progress-label">
        <span>{label}</span>
        <span>
          {pct !== null ? `${pct}% · ` : ''}
          {progress ? progressCountsIn(language, progress) : t('common.starting')}
        </span>
      </div>
      <div className={`progress-track${pct === null ? ' indeterminate' : ''}`} role="progressbar" aria-label={label} aria-valuemin={0} aria-valuemax={100} aria-valuenow={pct ?? undefined}>
        <div className="progress-fill" style={{ width: `${pct ?? 30}%` }} />
      </div>
    </div>
  );
}

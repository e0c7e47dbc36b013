import type { RunStoreNote } from '../../../service/api/contract.ts';
import { formatDateTime } from '../../app/format.ts';
import { hrefFor } from '../../app/router.ts';
import { useT } from '../../app/i18n.tsx';
import { sayCoded } from '../../app/coded.ts';

/** What the run store did with the run shown: served it from an identical earlier run, stored it, or could not store it (and why). */
export function StoreNote({ stored }: { stored: RunStoreNote | undefined }) {
  const t = useT();
  if (stored === undefined) return null;
  if (stored.warning !== null) {
    return (
      <p className="warning-box" role="status" data-testid="store-note">
        {stored.codedWarning ? sayCoded(stored.codedWarning) : stored.warning}
      </p>
    );
  }
  return (
    <p className="muted small" data-testid="store-note">
      {stored.fromStore ? t('runs.servedFromTheRun') : t('runs.storedAs')}
      <a href={hrefFor('runs')}>{t('runs.run2', { runId: stored.runId ?? '' })}</a>
      {stored.fromStore && stored.createdAt !== null ? t('runs.ofSameInputsSame', { createdAt: formatDateTime(stored.createdAt) }) : ''}
    </p>
  );
}

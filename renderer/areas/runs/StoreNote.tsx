import type { RunStoreNote } from '../../../service/api/contract.ts';
import { formatDateTime } from '../../app/format.ts';
import { hrefFor } from '../../app/router.ts';

/** What the run store did with the run shown: served it from an identical earlier run, stored it, or could not store it (and why). */
export function StoreNote({ stored }: { stored: RunStoreNote | undefined }) {
  if (stored === undefined) return null;
  if (stored.warning !== null) {
    return (
      <p className="warning-box" role="status" data-testid="store-note">
        {stored.warning}
      </p>
    );
  }
  return (
    <p className="muted small" data-testid="store-note">
      {stored.fromStore ? 'Served from the run store: identical to ' : 'Stored as '}
      <a href={hrefFor('runs')}>run #{stored.runId}</a>
      {stored.fromStore && stored.createdAt !== null ? ` of ${formatDateTime(stored.createdAt)} (same inputs, same engine; not computed again)` : ''}
    </p>
  );
}

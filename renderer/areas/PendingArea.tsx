import { EmptyState } from '../components/EmptyState.tsx';
import { hrefFor } from '../app/router.ts';

/** An area whose data comes from a tape: until one is imported there is nothing to show. */
export function PendingArea({ label, summary }: { label: string; summary: string }) {
  return (
    <section className="area">
      <header className="area-header">
        <h1>{label}</h1>
        <p className="muted">{summary}</p>
      </header>
      <EmptyState title="Empty workspace — import a tape">
        <p>
          This workspace holds no loan tape yet. Start in <a href={hrefFor('tapes')}>Tapes</a>: import a CSV or XLSX
          loan tape, then come back here.
        </p>
      </EmptyState>
    </section>
  );
}

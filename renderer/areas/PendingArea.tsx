import type { ReactNode } from 'react';
import { EmptyState } from '../components/EmptyState.tsx';
import { hrefFor, type AreaId } from '../app/router.ts';
import { useTapes } from '../app/tapes.ts';

/** What already works elsewhere for an area whose screen is not built yet, said plainly. */
const MEANWHILE: Partial<Record<AreaId, ReactNode>> = {
  reports: (
    <p>
      Formatted Excel tranche reports come to this screen next. Meanwhile <code>npx abs run DEAL.json --out DIR</code> writes the tranche summary and the period-by-period table as CSV, and Results
      exports the pool projection as CSV.
    </p>
  ),
};

/** An area not built yet: without a tape, where to start; with one, what already works elsewhere. */
export function PendingArea({ id, label, summary }: { id: AreaId; label: string; summary: string }) {
  const tapes = useTapes();
  const meanwhile = MEANWHILE[id];
  return (
    <section className="area">
      <header className="area-header">
        <h1>{label}</h1>
        <p className="muted">{summary}</p>
      </header>
      {tapes !== null && tapes.length > 0 && meanwhile ? (
        <EmptyState title="Not on this screen yet">{meanwhile}</EmptyState>
      ) : (
        <EmptyState title="Empty workspace — import a tape">
          <p>
            This workspace holds no loan tape yet. Start in <a href={hrefFor('tapes')}>Tapes</a>: import a CSV or XLSX loan tape, then come back here.
          </p>
        </EmptyState>
      )}
    </section>
  );
}

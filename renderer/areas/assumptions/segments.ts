import { useEffect, useState } from 'react';
import { reportError, useApp } from '../../app/context.tsx';
import type { TapeSegment } from './AssumptionForm.tsx';

/** The borrower segments of a tape (its segment stratification), largest balance first. */
export function useTapeSegments(tapeId: number | null): readonly TapeSegment[] {
  const { api } = useApp();
  const [segments, setSegments] = useState<{ tapeId: number; list: readonly TapeSegment[] } | null>(null);
  useEffect(() => {
    if (tapeId === null) return undefined;
    let live = true;
    api.call('pool.strat', { tapeId, by: 'segment' }).then(
      (table) => {
        if (!live) return;
        const list = table.rows
          .filter((row) => row.key.startsWith('v:'))
          .map((row) => ({ value: row.key.slice(2), label: row.label, share: row.share }))
          .sort((a, b) => (b.share ?? 0) - (a.share ?? 0));
        setSegments({ tapeId, list });
      },
      (error: unknown) => reportError('Cannot read the tape’s segments', error),
    );
    return () => {
      live = false;
    };
  }, [api, tapeId]);
  return segments !== null && segments.tapeId === tapeId ? segments.list : [];
}

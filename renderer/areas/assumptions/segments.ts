import type { StratTable } from '../../../service/api/contract.ts';
import { reportError, useApp } from '../../app/context.tsx';
import { useQuery } from '../../app/query.ts';
import type { TapeSegment } from './AssumptionForm.tsx';
import { useT } from '../../app/i18n.tsx';

/** The borrower segments of a tape (its segment stratification), largest balance first. */
export function useTapeSegments(tapeId: number | null): readonly TapeSegment[] {
  const t = useT();
  const { api } = useApp();
  const segments = useQuery(tapeId === null ? null : () => api.call('pool.strat', { tapeId, by: 'segment' }).then(segmentsOf), [api, tapeId], {
    onError: (error) => reportError(t('assumptions.cannotReadTheTape'), error),
  });
  return segments.data ?? NO_SEGMENTS;
}

const NO_SEGMENTS: readonly TapeSegment[] = [];

function segmentsOf(table: StratTable): readonly TapeSegment[] {
  return table.rows
    .filter((row) => row.key.startsWith('v:'))
    .map((row) => ({ value: row.key.slice(2), label: row.label, share: row.share }))
    .sort((a, b) => (b.share ?? 0) - (a.share ?? 0));
}

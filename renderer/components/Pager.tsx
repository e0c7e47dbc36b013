import { formatCount } from '../app/format.ts';
import { useT } from '../app/i18n.tsx';

/** Previous / "101–200 of 1,241" / Next, for a list shown `pageSize` rows at a time from `offset`. */
export function Pager({ offset, pageSize, total, onOffset }: { offset: number; pageSize: number; total: number; onOffset: (offset: number) => void }) {
  const t = useT();
  return (
    <div className="button-row pager">
      <button type="button" className="secondary" disabled={offset === 0} onClick={() => onOffset(Math.max(0, offset - pageSize))}>
        {t('common.previous')}
      </button>
      <span className="muted">{t('common.of', { count: formatCount(Math.min(offset + 1, total)), count2: formatCount(Math.min(offset + pageSize, total)), total: formatCount(total) })}</span>
      <button type="button" className="secondary" disabled={offset + pageSize >= total} onClick={() => onOffset(offset + pageSize)}>
        {t('common.next')}
      </button>
    </div>
  );
}

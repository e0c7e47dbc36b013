import { formatCount } from '../app/format.ts';

/** Previous / "101–200 of 1,241" / Next, for a list shown `pageSize` rows at a time from `offset`. */
export function Pager({ offset, pageSize, total, onOffset }: { offset: number; pageSize: number; total: number; onOffset: (offset: number) => void }) {
  return (
    <div className="button-row pager">
      <button type="button" className="secondary" disabled={offset === 0} onClick={() => onOffset(Math.max(0, offset - pageSize))}>
        Previous
      </button>
      <span className="muted">
        {formatCount(Math.min(offset + 1, total))}–{formatCount(Math.min(offset + pageSize, total))} of {formatCount(total)}
      </span>
      <button type="button" className="secondary" disabled={offset + pageSize >= total} onClick={() => onOffset(offset + pageSize)}>
        Next
      </button>
    </div>
  );
}

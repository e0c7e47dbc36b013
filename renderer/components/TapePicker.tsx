import type { TapeRecord } from '../../service/api/contract.ts';
import { selectedTapeId } from '../app/tapes.ts';

/** The tape an area looks at (shared by Pool, Assumptions and Results). */
export function TapePicker({ tapes, tapeId, label = 'Tape' }: { tapes: readonly TapeRecord[] | null; tapeId: number | null; label?: string }) {
  return (
    <label className="tape-picker">
      {label}
      <select aria-label={label} value={tapeId ?? ''} onChange={(e) => selectedTapeId.set(Number(e.target.value))} disabled={!tapes || tapes.length === 0}>
        {tapes === null || tapes.length === 0 ? <option value="">no tape</option> : null}
        {(tapes ?? []).map((t) => (
          <option key={t.id} value={t.id}>
            {t.id} · {t.name}
          </option>
        ))}
      </select>
    </label>
  );
}

import type { TapeRecord } from '../../service/api/contract.ts';
import { selectedTapeId } from '../app/tapes.ts';
import { useT } from '../app/i18n.tsx';
import { tapeName } from '../app/shipped-names.ts';

/** The tape an area looks at (shared by Pool, Assumptions and Results). */
export function TapePicker({ tapes, tapeId, label }: { tapes: readonly TapeRecord[] | null; tapeId: number | null; label?: string }) {
  const t = useT();
  const shown = label ?? t('common.tape');
  return (
    <label className="tape-picker">
      {shown}
      <select aria-label={shown} value={tapeId ?? ''} onChange={(e) => selectedTapeId.set(Number(e.target.value))} disabled={!tapes || tapes.length === 0}>
        {tapes === null || tapes.length === 0 ? <option value="">{t('common.noTape')}</option> : null}
        {(tapes ?? []).map((tape) => (
          <option key={tape.id} value={tape.id}>
            {tape.id} · {tapeName(tape)}
          </option>
        ))}
      </select>
    </label>
  );
}

import { useEditor } from './context.tsx';
import { getAt, jsonPath, type FieldPath, type Json } from './draft.ts';
import { cellLabel } from './field-labels.ts';
import { FieldIssues, ItemButtons, NumberField, TextField } from './fields.tsx';
import { insertItem, removeItem } from './lists.ts';
import type { NumberKind } from './numbers.ts';
import { useT } from '../../../app/i18n.tsx';

/** A column of a table of rows: a date or a number of some kind, under the row's key. */
export interface RowColumn {
  readonly key: string;
  readonly label: string;
  readonly kind: NumberKind | 'date';
}

/**
 * A list of small records edited as rows (a target-balance schedule's dates and balances, an index's
 * fixings, the excess-servicing tiers): each cell is a field of its own, checked at its own path.
 * `optional`: removing the last row removes the list from the file.
 */
export function RowsField({
  label,
  path,
  columns,
  newRow,
  optional = false,
}: {
  label: string;
  path: FieldPath;
  columns: readonly RowColumn[];
  newRow: (rows: readonly Json[]) => Json;
  optional?: boolean;
}) {
  const t = useT();
  const { draft, set } = useEditor();
  const value = getAt(draft, path);
  const rows: readonly Json[] = Array.isArray(value) ? value : [];
  const setRows = (next: readonly Json[]): void => set(path, next.length === 0 && optional ? undefined : next);
  return (
    <fieldset className="field rows-field wide" data-path={jsonPath(path)}>
      <legend>{label}</legend>
      <FieldIssues path={path} kind="list" />
      {rows.map((_, k) => (
        <div key={k} className="editor-fields compact-row">
          {columns.map((c) =>
            c.kind === 'date' ? (
              <TextField key={c.key} label={cellLabel(c.label, k)} path={[...path, k, c.key]} kind="date" />
            ) : (
              <NumberField key={c.key} label={cellLabel(c.label, k)} path={[...path, k, c.key]} kind={c.kind} />
            ),
          )}
          <ItemButtons what={`${label} ${k + 1}`} index={k} count={rows.length} onRemove={() => setRows(removeItem(rows, k))} />
        </div>
      ))}
      <button type="button" className="secondary small-button" onClick={() => setRows(insertItem(rows, rows.length, newRow(rows)))}>
        {t('deal.editor.addRow')}
      </button>
    </fieldset>
  );
}

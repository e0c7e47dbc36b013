import { useId } from 'react';
import { addBand, bandsOfLevel, levelOfBands, removeBand, setBandEnd, type Band, type BandKey } from './bands.ts';
import { useEditor } from './context.tsx';
import { fieldsOf, getAt, jsonPath, labelOf, type FieldPath, type Json } from './draft.ts';
import { FieldIssues, NumberField } from './fields.tsx';
import type { NumberKind } from './numbers.ts';
import { useT } from '../../../app/i18n.tsx';

type Shape = 'none' | 'level' | 'bands';

function shapeOf(value: Json | undefined): Shape {
  if (value === undefined) return 'none';
  return Array.isArray(value) ? 'bands' : 'level';
}

/**
 * A level that may change by payment period (a trigger's threshold or warning, the purchase cap):
 * one number, or bands of periods from period 1, the last open-ended; `optional` adds "none".
 */
export function BandsField({ label, path, bandKey, kind, optional = false }: { label: string; path: FieldPath; bandKey: BandKey; kind: NumberKind; optional?: boolean }) {
  const t = useT();
  const { draft, set } = useEditor();
  const value = getAt(draft, path);
  const shape = shapeOf(value);
  const bands: Band[] = Array.isArray(value) ? value.map((b: Json) => fieldsOf(b) as Band) : [];
  const id = useId();
  const reshape = (to: Shape): void => {
    if (to === 'none') set(path, undefined);
    else if (to === 'bands') set(path, bandsOfLevel(value ?? 0, bandKey));
    else set(path, shape === 'bands' ? levelOfBands(bands, bandKey) : 0);
  };
  return (
    <fieldset className="field bands-field wide" data-path={jsonPath(path)}>
      <legend>{label}</legend>
      <select id={id} aria-label={t('deal.editor.howItIsSet', { label })} value={shape} onChange={(e) => reshape(e.target.value as Shape)}>
        {optional ? <option value="none">{t('deal.editor.none')}</option> : null}
        <option value="level">{t('deal.editor.oneLevel')}</option>
        <option value="bands">{t('deal.editor.byPaymentPeriod')}</option>
      </select>
      {shape === 'level' ? <NumberField label={label} path={path} kind={kind} /> : null}
      {shape === 'bands' ? (
        <table className="bands-table">
          <thead>
            <tr>
              <th scope="col">{t('deal.editor.fromPeriod')}</th>
              <th scope="col">{t('deal.editor.toPeriod')}</th>
              <th scope="col">{label}</th>
              <th scope="col" />
            </tr>
          </thead>
          <tbody>
            {bands.map((band, k) => (
              <tr key={k}>
                <td className="num">{labelOf(band.fromPeriod, '')}</td>
                <td>
                  {k === bands.length - 1 ? (
                    <span className="muted">{t('deal.editor.onwards')}</span>
                  ) : (
                    <input
                      aria-label={t('deal.editor.lastPeriodOfBand', { label, value: k + 1 })}
                      inputMode="numeric"
                      value={labelOf(band.toPeriod, '')}
                      onChange={(e) => set(path, setBandEnd(bands, k, e.target.value === '' ? undefined : Number.isFinite(Number(e.target.value)) ? Number(e.target.value) : e.target.value), true)}
                    />
                  )}
                </td>
                <td>
                  <NumberField label={t('deal.editor.band', { value: k + 1 })} path={[...path, k, bandKey]} kind={kind} />
                </td>
                <td>
                  <button
                    type="button"
                    className="secondary small-button"
                    aria-label={t('deal.editor.removeBandOf', { value: k + 1, label })}
                    disabled={bands.length === 1}
                    onClick={() => set(path, removeBand(bands, k))}
                  >
                    {t('deal.editor.remove')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {shape === 'bands' ? (
        <button type="button" className="secondary small-button" onClick={() => set(path, addBand(bands, bandKey))}>
          {t('deal.editor.addBand')}
        </button>
      ) : null}
      {/* One level: its input shows its problems. */}
      {shape === 'level' ? null : <FieldIssues path={path} kind={kind} />}
      {bands.flatMap((_, k) =>
        // A band's own problem and its periods' (the first period is not an input, the last one's end is text): said with the band's number.
        [
          [...path, k],
          [...path, k, 'fromPeriod'],
          [...path, k, 'toPeriod'],
        ].map((at) => <FieldIssues key={jsonPath(at)} path={at} kind="whole" within={path} />),
      )}
    </fieldset>
  );
}

import { isMessageKey, type Translate } from '../../app/i18n.tsx';

/** A stratification's name in the UI's language; a tape's extra column (extra:渠道) keeps its own name. */
export function dimensionLabel(t: Translate, id: string, label: string): string {
  const key = `pool.dimension.${id}`;
  return isMessageKey(key) ? t(key) : label;
}

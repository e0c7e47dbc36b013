import { useState } from 'react';
import type { DealFile, DealRunResult, PriceYieldConvention, PriceYieldResult } from '../../../service/api/contract.ts';
import { useApp } from '../../app/context.tsx';
import { isIsoDate } from '../../app/axis-format.ts';
import { formatPct } from '../../app/format.ts';
import { DateField, dateProblem } from '../../components/DateField.tsx';
import { formatMoney } from './model.ts';
import { noteSchedule } from './note-schedule.ts';
import { useT, type Translate } from '../../app/i18n.tsx';
import { ApiCallError } from '../../api/client.ts';
import { sayApiError } from '../../app/coded.ts';

/** Each quote convention as the tranche table names it (docs/deals.md, "Yield conventions"). */
function conventions(t: Translate): readonly { readonly value: PriceYieldConvention; readonly label: string }[] {
  return [
    { value: 'chinaInterbank', label: t('deal.chinaInterbankCfetsCompounded') },
    { value: 'annualEffective', label: t('deal.annualEffectiveAct365') },
    { value: 'bondEquivalent', label: t('deal.bondEquivalentSemiAnnual2') },
    { value: 'mortgageEquivalent', label: t('deal.mortgageEquivalentMonthlySifma') },
  ];
}

function conventionNames(t: Translate): Readonly<Record<PriceYieldConvention, string>> {
  return {
    chinaInterbank: t('deal.convention.chinaInterbank'),
    annualEffective: t('deal.convention.annualEffective'),
    bondEquivalent: t('deal.convention.bondEquivalent'),
    mortgageEquivalent: t('deal.convention.mortgageEquivalent'),
  };
}

/** Price → yield or yield → price for one coupon note of the run, on a settlement date: clean, dirty and accrued with the conventions named. */
export function PriceYieldPanel({ run, deal }: { run: DealRunResult; deal: DealFile }) {
  const t = useT();
  const { api } = useApp();
  const couponNotes = deal.notes.filter((n) => n.coupon.type !== 'none' && run.tranches.some((tranche) => tranche.id === n.id));
  const [noteId, setNoteId] = useState(couponNotes[0]?.id ?? '');
  const [settlement, setSettlement] = useState(run.closingDate);
  const [convention, setConvention] = useState<PriceYieldConvention>('chinaInterbank');
  const [given, setGiven] = useState<'price' | 'yield'>('price');
  const [value, setValue] = useState('100');
  const [result, setResult] = useState<PriceYieldResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  if (couponNotes.length === 0) return null;

  async function compute(): Promise<void> {
    const note = noteSchedule(run, deal, noteId);
    const x = Number(value.replace('%', '').trim());
    if (!note) return;
    if (!isIsoDate(settlement)) {
      // The field says what is wrong with a typed date; an empty one is said here.
      setResult(null);
      setError(dateProblem(settlement, true, t) === null ? t('dateField.required') : null);
      return;
    }
    if (value.trim() === '' || !Number.isFinite(x)) {
      setError(given === 'price' ? t('deal.priceYield.givePrice') : t('deal.priceYield.giveYield'));
      return;
    }
    try {
      const answer = await api.call('deal.priceYield', { note, settlementDate: settlement, convention, ...(given === 'price' ? { cleanPrice: x } : { yield: x / 100 }) });
      setResult(answer);
      setError(null);
    } catch (caught) {
      setResult(null);
      setError(caught instanceof ApiCallError ? sayApiError(caught.error) : caught instanceof Error ? caught.message : String(caught));
    }
  }

  return (
    <section className="panel price-yield-panel" aria-label={t('deal.priceAndYield')} data-testid="price-yield-panel">
      <h3>{t('deal.priceYieldOfA')}</h3>
      <div className="size-fields">
        <label>
          {t('deal.note')}
          <select aria-label={t('deal.priceYieldNote')} value={noteId} onChange={(e) => setNoteId(e.target.value)}>
            {couponNotes.map((n) => (
              <option key={n.id} value={n.id}>
                {n.name ?? n.id}
              </option>
            ))}
          </select>
        </label>
        <DateField label={t('deal.settlement')} ariaLabel={t('deal.settlementDate')} value={settlement} onChange={(text) => setSettlement(text)} />
        <label>
          {t('deal.convention')}
          <select aria-label={t('deal.yieldConvention')} value={convention} onChange={(e) => setConvention(e.target.value as PriceYieldConvention)}>
            {conventions(t).map((c) => (
              <option key={c.value} value={c.value}>
                {c.label}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('deal.given')}
          <select aria-label={t('deal.priceOrYieldGiven')} value={given} onChange={(e) => setGiven(e.target.value === 'yield' ? 'yield' : 'price')}>
            <option value="price">{t('deal.cleanPriceOfFace')}</option>
            <option value="yield">{t('deal.yieldPrice')}</option>
          </select>
        </label>
        <label>
          {given === 'price' ? t('deal.cleanPrice') : t('deal.yield')}
          <input aria-label={t('deal.priceOrYield')} inputMode="decimal" value={value} onChange={(e) => setValue(e.target.value)} size={8} />
        </label>
        <button type="button" onClick={() => void compute()}>
          {t('deal.compute')}
        </button>
      </div>
      {error ? (
        <p className="error-text" role="alert">
          {error}
        </p>
      ) : null}
      {result ? (
        <dl className="price-yield-result" data-testid="price-yield-result">
          <dt>{t('deal.yield2', { value: conventionNames(t)[result.convention] })}</dt>
          <dd data-testid="py-yield">{formatPct(result.yield, 4)}</dd>
          <dt>{t('deal.cleanPrice净价Of')}</dt>
          <dd data-testid="py-clean">{result.cleanPrice.toFixed(4)}</dd>
          <dt>{t('deal.dirtyPrice全价Of')}</dt>
          <dd data-testid="py-dirty">{result.dirtyPrice.toFixed(4)}</dd>
          <dt>{t('deal.accruedInterest')}</dt>
          <dd data-testid="py-accrued">
            {t('deal.onFaceDaysFrom', {
              toFixed: result.accruedPct.toFixed(4),
              accrued: formatMoney(result.accrued, deal.currency),
              face: formatMoney(result.face, deal.currency),
              accrualDays: result.accrualDays,
              dayCount: result.dayCount,
              previousPaymentDate: result.previousPaymentDate,
            })}{' '}
            {formatPct(result.couponRate)}
          </dd>
          <dt>{t('deal.samePriceInEvery')}</dt>
          <dd>
            {conventions(t)
              .map((c) => `${conventionNames(t)[c.value]} ${formatPct(result.yields[c.value], 4)}`)
              .join(' · ')}
          </dd>
        </dl>
      ) : null}
    </section>
  );
}

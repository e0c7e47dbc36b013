import { CheckField, NumberField, SelectField, TextField } from './fields.tsx';
import { ACCRUAL_DATES_OPTIONS, CALENDAR_OPTIONS, CURRENCY_OPTIONS, CUTOFF_TIME_OPTIONS, ROLL_OPTIONS } from './options.ts';
import { Section } from './Section.tsx';
import { useT } from '../../../app/i18n.tsx';

/** The deal's name, description and currency, and its dates (engine/deal/schema.ts `dates`). */
export function DatesSection() {
  const t = useT();
  return (
    <Section title={t('deal.editor.dealAndDates')} testId="editor-dates">
      <div className="editor-fields">
        <TextField label={t('deal.editor.dealName')} path={['name']} optional wide />
        <TextField label={t('deal.editor.description')} path={['description']} optional wide />
        <SelectField label={t('deal.editor.currency')} path={['currency']} options={CURRENCY_OPTIONS} byDefault="—" />
      </div>
      <div className="editor-fields">
        <TextField label={t('deal.editor.cutoffDate')} path={['dates', 'cutoff']} kind="date" hint={t('deal.editor.thePoolSBalances')} />
        <TextField label={t('deal.editor.closingDate')} path={['dates', 'closing']} kind="date" hint={t('deal.editor.notesAccrueFromClosing')} />
        <TextField label={t('deal.editor.firstPaymentDate')} path={['dates', 'firstPaymentDate']} kind="date" />
        <NumberField label={t('deal.editor.monthsBetweenPayments')} path={['dates', 'paymentFrequencyMonths']} kind="whole" placeholder="1" hint={t('deal.editor.blankMonthly3Quarterly')} />
        <CheckField label={t('deal.editor.endOfMonth')} path={['dates', 'endOfMonth']} byDefault={false} hint={t('deal.editor.endOfMonthHint')} />
        <TextField label={t('deal.editor.legalFinalMaturity')} path={['dates', 'legalFinalMaturity']} kind="date" />
        <NumberField
          label={t('deal.editor.firstPeriodCollectionMonths')}
          path={['dates', 'firstPeriodCollectionMonths']}
          kind="whole"
          placeholder={t('deal.editor.asThePaymentInterval')}
          hint={t('deal.editor.firstPeriodCollectionMonthsHint')}
        />
        <SelectField label={t('deal.editor.cutoffTime')} path={['dates', 'cutoffTime']} options={CUTOFF_TIME_OPTIONS} byDefault="—" />
      </div>
      <div className="editor-fields">
        <SelectField label={t('deal.editor.paymentDateRoll')} path={['dates', 'businessDayConvention']} options={ROLL_OPTIONS} byDefault={t('deal.editor.defaultNone')} />
        <SelectField label={t('deal.editor.businessDayCalendar')} path={['dates', 'calendar']} options={CALENDAR_OPTIONS} byDefault="—" />
        <SelectField label={t('deal.editor.interestAccruesBetween')} path={['dates', 'accrualDates']} options={ACCRUAL_DATES_OPTIONS} byDefault={t('deal.editor.defaultRolledDates')} />
      </div>
    </Section>
  );
}

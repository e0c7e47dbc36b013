import { NumberField, SelectField, TextField } from './fields.tsx';
import { ACCRUAL_DATES_OPTIONS, CALENDAR_OPTIONS, ROLL_OPTIONS } from './options.ts';
import { Section } from './Section.tsx';

/** The deal's name and description, and its dates (engine/deal/schema.ts `dates`). */
export function DatesSection() {
  return (
    <Section title="Deal and dates" testId="editor-dates">
      <div className="editor-fields">
        <TextField label="Deal name" path={['name']} optional wide />
        <TextField label="Description" path={['description']} optional wide />
      </div>
      <div className="editor-fields">
        <TextField label="Cutoff date" path={['dates', 'cutoff']} kind="date" hint="The pool’s balances are as of this date" />
        <TextField label="Closing date" path={['dates', 'closing']} kind="date" hint="Notes accrue from closing" />
        <TextField label="First payment date" path={['dates', 'firstPaymentDate']} kind="date" />
        <NumberField label="Months between payments" path={['dates', 'paymentFrequencyMonths']} kind="whole" placeholder="1" hint="Blank: monthly; 3 = quarterly" />
        <TextField label="Legal final maturity" path={['dates', 'legalFinalMaturity']} kind="date" />
      </div>
      <div className="editor-fields">
        <SelectField label="Payment-date roll" path={['dates', 'businessDayConvention']} options={ROLL_OPTIONS} byDefault="default (none)" />
        <SelectField label="Business-day calendar" path={['dates', 'calendar']} options={CALENDAR_OPTIONS} byDefault="—" />
        <SelectField label="Interest accrues between" path={['dates', 'accrualDates']} options={ACCRUAL_DATES_OPTIONS} byDefault="default (rolled dates)" />
      </div>
    </Section>
  );
}

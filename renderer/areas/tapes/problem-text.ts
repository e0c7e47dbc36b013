import type { RowProblem } from '../../../service/api/contract.ts';
import { sayCoded, tapeFieldLabel } from '../../app/coded.ts';
import { translate, type MessageKey } from '../../app/i18n.tsx';

type ProblemRule = RowProblem['rule'];

/** Each rule a row can break, by its name in the catalogue (the rule's code stays in the CSV export). */
const RULES: Readonly<Record<ProblemRule, MessageKey>> = {
  required: 'tapes.rule.required',
  format: 'tapes.rule.format',
  range: 'tapes.rule.range',
  current_exceeds_original: 'tapes.rule.currentExceedsOriginal',
  remaining_exceeds_term: 'tapes.rule.remainingExceedsTerm',
  overdue_exceeds_balance: 'tapes.rule.overdueExceedsBalance',
  rate_mismatch: 'tapes.rule.rateMismatch',
  after_cutoff: 'tapes.rule.afterCutoff',
  data_date: 'tapes.rule.dataDate',
  date_order: 'tapes.rule.dateOrder',
  duplicate: 'tapes.rule.duplicate',
  amount_limit: 'tapes.rule.amountLimit',
  date_limit: 'tapes.rule.dateLimit',
  score_limit: 'tapes.rule.scoreLimit',
  unheaded_value: 'tapes.rule.unheadedValue',
};

export function ruleName(rule: ProblemRule): string {
  return Object.hasOwn(RULES, rule) ? translate(RULES[rule]) : rule;
}

/** Longest cell a message repeats whole (as the service's report does). */
const SHOWN_CHARACTERS = 80;

function shortCell(value: string): string {
  return value.length <= SHOWN_CHARACTERS ? value : `${value.slice(0, SHOWN_CHARACTERS - 20)}…`;
}

/** Why the row was rejected, in the chosen language; a problem stored before codes shows the importer's English. */
export function problemWhy(p: RowProblem): string {
  const english = p.message.replace(/^row \d+(, [^:]*)?: /, '');
  return p.code === undefined ? english : sayCoded({ code: p.code, params: p.params ?? {}, message: english });
}

/** The problem after its row: the column (and the field it feeds), the value, and why — in the chosen language. */
export function problemText(p: RowProblem): string {
  if (p.code === undefined) return p.message.replace(/^row \d+, /, '');
  const why = problemWhy(p);
  // A value right of the header's last column: no column heading and no field, only the value (the why names its column).
  if (p.field === null && p.column === null && p.value !== null) return translate('tapes.problem.value', { value: shortCell(p.value), why });
  const label = p.field === null ? '' : tapeFieldLabel(p.field);
  if (p.column === null) return p.value === null ? translate('tapes.problem.field', { label, why }) : translate('tapes.problem.fieldValue', { label, value: shortCell(p.value), why });
  return p.value === null ? translate('tapes.problem.column', { column: p.column, label, why }) : translate('tapes.problem.columnValue', { column: p.column, label, value: shortCell(p.value), why });
}

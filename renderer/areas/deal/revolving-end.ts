import type { RevolvingEnd } from '../../../service/api/contract.ts';
import type { Translate } from '../../app/i18n.tsx';

const REVOLVING_REASONS = { scheduled: 'deal.revolvingEnd.scheduled', trigger: 'deal.revolvingEnd.trigger', dealEnded: 'deal.revolvingEnd.dealEnded' } as const;

/**
 * When and why the revolving period ended, under the Deal screen's Revolving card: "2027-07-26, by a
 * trigger (cdr)" / "2027-07-26，因触发事件（cdr）" — one template a language, so Chinese has its own
 * full-width comma and brackets.
 */
export function revolvingEndNote(end: RevolvingEnd, t: Translate): string {
  const reason = t(REVOLVING_REASONS[end.reason]);
  return end.trigger ? t('deal.revolvingEnd.whenByTrigger', { date: end.paymentDate, reason, trigger: end.trigger }) : t('deal.revolvingEnd.when', { date: end.paymentDate, reason });
}

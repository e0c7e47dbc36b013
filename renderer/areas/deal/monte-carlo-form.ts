import { MONTE_CARLO_LIMITS, type DefaultRateDistributionRequest, type MonteCarloRequest, type DealRunRequest } from '../../../service/api/contract.ts';
import { formatCount } from '../../app/format.ts';
import { translate } from '../../app/i18n.tsx';
import { Store } from '../../app/store.ts';
import { scopedToWorkspace } from '../../app/workspace-scope.ts';
import type { DealSweepRef } from './sweep-ref.ts';

/** The Monte Carlo panel's inputs as typed (text, so a half-typed number stays as it is) and its jobs. */
export interface MonteCarloForm {
  readonly kind: 'lognormal' | 'vasicek';
  /** Empty: the scenario's own lifetime default. */
  readonly mean: string;
  readonly cv: string;
  readonly pd: string;
  readonly rho: string;
  readonly paths: string;
  readonly seed: string;
  /** The job started last and the last one shown, with the inputs and deal they ran (another key makes a shown result out of date; another deal hides it). */
  readonly latest: DealSweepRef | null;
  readonly shown: DealSweepRef | null;
}

/** Kept outside the screen, so a Monte Carlo goes on while the analyst looks elsewhere. */
export const monteCarloForm = new Store<MonteCarloForm>({ kind: 'lognormal', mean: '', cv: '0.5', pd: '0.04', rho: '0.1', paths: '1000', seed: '1', latest: null, shown: null });

// A Monte Carlo's result is a run stored in the workspace it ran in; the inputs as typed stay.
scopedToWorkspace({ forget: () => updateMonteCarloForm({ latest: null, shown: null }) });

export function updateMonteCarloForm(patch: Partial<MonteCarloForm>): void {
  monteCarloForm.set({ ...monteCarloForm.get(), ...patch });
}

const decimal = (text: string): number | null => (text.trim() === '' || !Number.isFinite(Number(text)) ? null : Number(text));
const whole = (text: string): number | null => (/^\d+$/.test(text.trim()) ? Number(text) : null);

/**
 * The request the form describes, or the first problem with it in words (the chosen language's).
 * Percentages are typed as decimals (0.04 for 4%), as everywhere in the workbench; the service
 * checks the ranges again.
 */
export function monteCarloRequest(form: MonteCarloForm, deal: DealRunRequest): { request: MonteCarloRequest } | { problem: string } {
  const paths = whole(form.paths);
  if (paths === null || paths < 1 || paths > MONTE_CARLO_LIMITS.maxPaths) return { problem: translate('mc.problem.paths', { max: formatCount(MONTE_CARLO_LIMITS.maxPaths) }) };
  const seed = whole(form.seed);
  if (seed === null || seed > MONTE_CARLO_LIMITS.maxSeed) return { problem: translate('mc.problem.seed', { max: formatCount(MONTE_CARLO_LIMITS.maxSeed) }) };
  let distribution: DefaultRateDistributionRequest;
  if (form.kind === 'lognormal') {
    const cv = decimal(form.cv);
    const mean = form.mean.trim() === '' ? undefined : decimal(form.mean);
    if (cv === null || cv < 0 || cv > MONTE_CARLO_LIMITS.maxCv) return { problem: translate('mc.problem.cv', { max: MONTE_CARLO_LIMITS.maxCv }) };
    if (mean === null || (mean !== undefined && (mean <= 0 || mean > 1))) return { problem: translate('mc.problem.mean') };
    distribution = { kind: 'lognormal', cv, ...(mean !== undefined ? { mean } : {}) };
  } else {
    const pd = decimal(form.pd);
    const rho = decimal(form.rho);
    if (pd === null || pd <= 0 || pd >= 1) return { problem: translate('mc.problem.pd') };
    if (rho === null || rho < 0 || rho >= 1) return { problem: translate('mc.problem.rho') };
    distribution = { kind: 'vasicek', pd, rho };
  }
  return { request: { ...deal, distribution, paths, seed } };
}

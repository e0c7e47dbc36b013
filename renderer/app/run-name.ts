import type { RunRecord } from '../../service/api/contract.ts';
import { sayCoded } from './coded.ts';

// Which runs show their short input hash beside the name (alike names, other inputs), as the `abs` command decides.
export { inputFingerprints, shortInputHash } from '../../messages/run-fingerprint.ts';

/**
 * A stored run's name in the chosen language: a name the run store generated is said from its code
 * (service/run-store/run-names.ts); a name the analyst typed or renamed, or one stored before codes,
 * as stored.
 */
export function runName(record: Pick<RunRecord, 'name' | 'nameCoded'>): string {
  return record.nameCoded ? sayCoded(record.nameCoded) : record.name;
}

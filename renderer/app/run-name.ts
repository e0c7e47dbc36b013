import type { RunRecord } from '../../service/api/contract.ts';
import { sayCoded } from './coded.ts';

/**
 * A stored run's name in the chosen language: a name the run store generated is said from its code
 * (service/run-store/run-names.ts); a name the analyst typed or renamed, or one stored before codes,
 * as stored.
 */
export function runName(record: Pick<RunRecord, 'name' | 'nameCoded'>): string {
  return record.nameCoded ? sayCoded(record.nameCoded) : record.name;
}

import { UserError } from '../errors.ts';

/** Where a value was read: the file the user chose, the XLSX sheet, the row (as the file numbers it) and the column header. */
export interface Place {
  readonly file: string;
  readonly sheet: string | null;
  readonly row: number | null;
  readonly column: string | null;
}

export interface StaticPoolProblem extends Place {
  readonly reason: string;
}

export function describePlace(place: Place): string {
  const parts = [place.file];
  if (place.sheet !== null) parts.push(`sheet "${place.sheet}"`);
  if (place.row !== null) parts.push(`row ${place.row}`);
  if (place.column !== null) parts.push(`column "${place.column}"`);
  return parts.join(', ');
}

const SHOWN = 5;
const KEPT = 200;

/** Every problem found, as one error: the first few in the message, up to KEPT in details.problems. */
export class ProblemList {
  readonly #problems: StaticPoolProblem[] = [];
  #count = 0;

  add(place: Place, reason: string): void {
    this.#count++;
    if (this.#problems.length < KEPT) this.#problems.push({ ...place, reason });
  }

  get count(): number {
    return this.#count;
  }

  throwIfAny(): void {
    if (this.#count === 0) return;
    const lines = this.#problems.slice(0, SHOWN).map((p) => `${describePlace(p)}: ${p.reason}`);
    const more = this.#count > SHOWN ? `\n… and ${this.#count - SHOWN} more` : '';
    const noun = this.#count === 1 ? 'problem' : 'problems';
    throw new UserError('BAD_FILE', `The static pool cannot be read (${this.#count} ${noun}):\n${lines.join('\n')}${more}`, { problems: this.#problems, count: this.#count });
  }
}

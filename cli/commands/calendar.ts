import { parseArgs } from 'node:util';
import { CALENDAR_NAMES, checkBusinessDayResult, type BusinessDayAnswer } from '../../service/calendars/check.ts';
import type { Service } from '../../service/service.ts';
import { UsageError } from '../output.ts';
import type { CommandIO } from '../run.ts';

const CALENDAR_HELP = `Usage: abs calendar check DATE… --calendar CN|US-SIFMA|US-FED [--json]

Says whether each date is a business day on the calendar, and where a payment scheduled on it is
made under following and modifiedFollowing (兑付日顺延). CN: templates/calendars/cn.json (the State
Council holiday notices, with the 调休 weekend working days); US-SIFMA / US-FED: by rule.
Calendars, their sources and how to add a year: docs/deals.md, Business-day calendars.

Options:
  --calendar NAME   CN, US-SIFMA or US-FED
  --json            print the answers as JSON`;

export async function calendarCommand(args: readonly string[], _service: Service, io: CommandIO): Promise<void> {
  const { values, positionals } = parseArgs({ args: [...args], allowPositionals: true, options: { calendar: { type: 'string' }, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } });
  if (values.help === true) {
    io.out(CALENDAR_HELP);
    return;
  }
  const [action, ...dates] = positionals;
  if (action !== 'check') throw new UsageError(`expected 'check' (abs calendar check DATE… --calendar CN)`);
  if (dates.length === 0) throw new UsageError('give at least one date YYYY-MM-DD');
  const name = CALENDAR_NAMES.find((c) => c.toLowerCase() === (values.calendar ?? '').toLowerCase());
  if (name === undefined) throw new UsageError(`--calendar must be one of ${CALENDAR_NAMES.join(', ')}`);
  const answers: BusinessDayAnswer[] = [];
  for (const date of dates) {
    const result = checkBusinessDayResult(name, date);
    if (!result.ok) throw new UsageError(result.message);
    answers.push(result.value);
  }
  if (values.json === true) {
    io.out(JSON.stringify({ calendar: name, dates: answers }, null, 2));
    return;
  }
  for (const a of answers) io.out(`${a.date}  ${name}  ${a.businessDay ? 'business day' : 'closed'}  following ${a.following}  modifiedFollowing ${a.modifiedFollowing}`);
}

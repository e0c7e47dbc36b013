import { parseArgs } from 'node:util';
import type { CallCase, DealTablesRequest, DealTablesResult } from '../../service/api/contract.ts';
import { tablesCsv } from '../../service/runs/prospectus-tables.ts';
import type { Service } from '../../service/service.ts';
import { formatMoney, readJsonFile, textTable, UsageError } from '../output.ts';
import { writeFolderAtomically } from '../out-folder.ts';
import { unwrap, unwrapFile, type CommandIO } from '../run.ts';

const TABLES_HELP = `Usage: abs tables DEAL.json --speeds "0.5,1,1.3,1.5,1.8,2 ABS"
                  [--call | --no-call | --both] [--pool POOL.json] [--assumptions A.json]
                  [--rows payment-dates|anniversaries] [--precision 2|whole|whole-plain]
                  [--json | --csv] [--out DIR]

The prospectus tables of a deal, in one process: for every speed and call case one run of the
deal (its pool under its assumptions, the speed replacing the prepayment curve), and for each note
the percent of its initial principal outstanding at closing and after each payment date (or each
anniversary of closing), rounded as prospectuses print them (two decimals; or whole percent with
* for more than 0 and less than 0.5%), its weighted average life (years on the deal file's
analytics.walBasis from closing, half-up to 0.01), principal window and expected final payment date.

  --speeds       speeds in vector notation sharing a model ("0.5,1,1.3 ABS") or vectors separated by
                 ";" ("1.5 ABS; 150 PSA"); 0 ABS is the scheduled amortisation alone
  --call         only to call (the deal file's cleanUpCall exercised)
  --no-call      only to maturity (the same deal without its clean-up call)
  --both         both (the default when the deal has a clean-up call)
  --pool         a pool file (lines) in place of the deal file's pool
  --assumptions  the scenario (else the deal file's "assumptions")
  --rows         payment-dates (default) or anniversaries
  --precision    2 (two decimals, default), whole (whole percent, * below 0.5%) or whole-plain (whole percent, 0 below 0.5%)
  --json         the full result as JSON
  --csv          one row per case, note and table row; WAL, window and expected final rows
  --out DIR      writes tables.csv and tables.json as one set

Conventions and the golden prospectuses: docs/prospectus-tables.md.`;

/** --precision values: the prospectus's print convention (engine/analytics/decrement.ts). */
const PRECISIONS = { '2': 'twoDecimals', whole: 'wholePercent', 'whole-plain': 'wholePercentNoAsterisk' } as const;

function callCaseOf(values: { call?: boolean; 'no-call'?: boolean; both?: boolean }): CallCase | undefined {
  const chosen = [values.call ? 'call' : null, values['no-call'] ? 'noCall' : null, values.both ? 'both' : null].filter((x): x is CallCase => x !== null);
  if (chosen.length > 1) throw new UsageError('give one of --call, --no-call and --both');
  return chosen[0];
}

/** Each case's tables for a person: one grid per note, speeds across, dates down. */
function formatTables(result: DealTablesResult): string {
  const out: string[] = [`${result.dealName} · closing ${result.closingDate} · WAL in years, ${result.walBasis} from closing · ${result.speeds.length} speeds`];
  for (const { callCase, tables } of result.cases) {
    for (const table of tables) {
      const note = result.notes.find((n) => n.id === table.noteId);
      out.push('', `${note?.name ?? table.noteId} (${formatMoney(note?.originalBalance ?? 0)}) — percent of initial note principal outstanding, ${callCase === 'toCall' ? 'to call' : 'to maturity'}`);
      const header = ['Payment date', ...result.speeds];
      const rows = [
        ...table.dates.map((date, i) => [i === 0 ? `Closing ${date}` : date, ...(table.cells[i] ?? [])]),
        ['WAL (years)', ...table.columns.map((c) => c.walPrinted)],
        ['Principal window', ...table.columns.map((c) => (c.principalWindow ? `${c.principalWindow.first.slice(0, 7)}–${c.principalWindow.last.slice(0, 7)}` : '—'))],
        ['Expected final', ...table.columns.map((c) => c.expectedFinalPaymentDate ?? '—')],
      ];
      const { line } = textTable(header, rows);
      out.push(line(header), ...rows.map(line));
    }
  }
  return out.join('\n');
}

export async function tablesCommand(args: readonly string[], service: Service, io: CommandIO): Promise<void> {
  const { values, positionals } = parseArgs({
    args: [...args],
    allowPositionals: true,
    options: {
      speeds: { type: 'string' },
      call: { type: 'boolean' },
      'no-call': { type: 'boolean' },
      both: { type: 'boolean' },
      pool: { type: 'string' },
      assumptions: { type: 'string' },
      rows: { type: 'string' },
      precision: { type: 'string' },
      json: { type: 'boolean' },
      csv: { type: 'boolean' },
      out: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help) {
    io.out(TABLES_HELP);
    return;
  }
  const [dealPath, ...extra] = positionals;
  if (dealPath === undefined) throw new UsageError('tables needs a deal file: abs tables DEAL.json --speeds "0.5,1,1.5 ABS"');
  if (extra.length > 0) throw new UsageError(`tables takes one deal file, got also ${extra.join(' ')}`);
  if (values.speeds === undefined) throw new UsageError('tables needs --speeds, e.g. --speeds "0.5,1,1.3,1.5,1.8,2 ABS"');
  if (values.rows !== undefined && values.rows !== 'payment-dates' && values.rows !== 'anniversaries') throw new UsageError(`--rows must be payment-dates or anniversaries, got '${values.rows}'`);
  if (values.precision !== undefined && !(values.precision in PRECISIONS)) throw new UsageError(`--precision must be 2, whole or whole-plain, got '${values.precision}'`);
  const call = callCaseOf(values);
  const assumptions =
    values.assumptions !== undefined
      ? unwrapFile(await service.call('assumptions.check', { assumptions: readJsonFile(values.assumptions, 'assumptions') }), { what: 'assumption file', path: values.assumptions }).assumptions
      : undefined;
  const request: DealTablesRequest = {
    deal: readJsonFile(dealPath, 'deal file'),
    speeds: values.speeds,
    ...(call !== undefined ? { call } : {}),
    ...(values.pool !== undefined ? { pool: readJsonFile(values.pool, 'pool file') } : {}),
    ...(assumptions !== undefined ? { assumptions } : {}),
    ...(values.rows !== undefined ? { rows: values.rows === 'anniversaries' ? 'anniversaries' : 'paymentDates' } : {}),
    ...(values.precision !== undefined ? { precision: PRECISIONS[values.precision as keyof typeof PRECISIONS] } : {}),
  };
  const result = unwrap(await service.call('deal.tables', request));
  if (values.out !== undefined) {
    writeFolderAtomically(
      values.out,
      new Map([
        ['tables.csv', tablesCsv(result)],
        ['tables.json', `${JSON.stringify(result, null, 2)}\n`],
      ]),
    );
  }
  io.out(values.json ? JSON.stringify(result, null, 2) : values.csv ? tablesCsv(result).trimEnd() : formatTables(result));
}

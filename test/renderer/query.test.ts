import { describe, expect, it } from 'vitest';
import { initialQueryState, needsAsking, queryReducer, sameKey, viewQuery, type QueryKey, type QueryState } from '../../renderer/app/query-state.ts';

// The rules of renderer/app/query.ts's useQuery, driven event by event as the hook drives them.
type State = QueryState<string>;

const start: State = initialQueryState;
const ask = (state: State, key: QueryKey, enabled = true): State => queryReducer(state, { type: 'ask', key, enabled });
const answer = (state: State, ticket: number, data: string): State => queryReducer(state, { type: 'settle', ticket, outcome: { ok: true, data } });
const fail = (state: State, ticket: number, error: unknown): State => queryReducer(state, { type: 'settle', ticket, outcome: { ok: false, error } });
const reload = (state: State): State => queryReducer(state, { type: 'reload' });

describe('query keys', () => {
  it('compare part by part with Object.is, as React compares dependencies', () => {
    const deal = { notes: 3 };
    expect(sameKey(['tape', 1], ['tape', 1])).toBe(true);
    expect(sameKey([deal], [deal])).toBe(true);
    expect(sameKey([deal], [{ notes: 3 }])).toBe(false); // an equal but new object is a new key
    expect(sameKey(['tape', 1], ['tape', 1, null])).toBe(false);
    expect(sameKey([Number.NaN], [Number.NaN])).toBe(true);
    expect(sameKey(null, ['tape'])).toBe(false);
  });

  it('ask again when the key or the will to ask changes, not on every render', () => {
    const asked = ask(start, ['tape', 1]);
    expect(needsAsking(start, ['tape', 1], true)).toBe(true);
    expect(needsAsking(asked, ['tape', 1], true)).toBe(false);
    expect(needsAsking(asked, ['tape', 2], true)).toBe(true);
    expect(needsAsking(asked, ['tape', 1], false)).toBe(true);
  });
});

describe('a query answered', () => {
  it('loads, then shows the answer to its key', () => {
    const asked = ask(start, ['tape', 1]);
    expect(viewQuery(asked, ['tape', 1], true)).toEqual({ data: null, latest: null, error: null, loading: true });
    const done = answer(asked, asked.ticket, 'pool of tape 1');
    expect(viewQuery(done, ['tape', 1], true)).toEqual({ data: 'pool of tape 1', latest: 'pool of tape 1', error: null, loading: false });
  });

  it('is loading in the very render that brings a new key, before the ask is dispatched', () => {
    const done = answer(ask(start, ['tape', 1]), 1, 'pool of tape 1');
    expect(viewQuery(done, ['tape', 2], true)).toEqual({ data: null, latest: 'pool of tape 1', error: null, loading: true });
  });

  it('drops a late answer to an older key, and keeps the older answer only as `latest`', () => {
    const first = ask(start, ['tape', 1]);
    const second = ask(first, ['tape', 2]);
    const late = answer(second, first.ticket, 'pool of tape 1');
    expect(late).toBe(second);
    expect(viewQuery(late, ['tape', 2], true).data).toBeNull();
    const done = answer(late, second.ticket, 'pool of tape 2');
    expect(viewQuery(done, ['tape', 2], true).data).toBe('pool of tape 2');
    // Tape 1's answer arriving now, after tape 2's, changes nothing either.
    expect(answer(done, first.ticket, 'pool of tape 1')).toBe(done);
  });

  it('keeps the previous key’s answer as `latest` while the next one loads (a list that reloads stays on screen)', () => {
    const v1 = answer(ask(start, ['tapes', 1]), 1, 'two tapes');
    const v2 = ask(v1, ['tapes', 2]);
    expect(viewQuery(v2, ['tapes', 2], true)).toEqual({ data: null, latest: 'two tapes', error: null, loading: true });
  });

  it('accepts one answer per request: a second settle of the same ticket is ignored', () => {
    const asked = ask(start, ['x']);
    const done = answer(asked, asked.ticket, 'first');
    expect(answer(done, asked.ticket, 'second')).toBe(done);
  });
});

describe('reload', () => {
  it('asks the same key again, keeping its data on screen meanwhile, and drops the superseded answer', () => {
    const done = answer(ask(start, ['mappings']), 1, 'A');
    const again = reload(done);
    expect(again.ticket).toBe(2);
    expect(viewQuery(again, ['mappings'], true)).toEqual({ data: 'A', latest: 'A', error: null, loading: true });
    const third = reload(again);
    expect(answer(third, again.ticket, 'A, B')).toBe(third);
    expect(viewQuery(answer(third, third.ticket, 'A, B, C'), ['mappings'], true).data).toBe('A, B, C');
  });

  it('does nothing for a query that asks nothing', () => {
    const skipped = ask(start, ['tape', null], false);
    expect(reload(skipped)).toBe(skipped);
    expect(reload(start)).toBe(start);
  });
});

describe('failures', () => {
  it('are the error of the key asked now, cleared when another request is asked', () => {
    const asked = ask(start, ['summary', 1]);
    const failed = fail(asked, asked.ticket, new Error('NO_WORKSPACE'));
    expect(viewQuery(failed, ['summary', 1], true)).toMatchObject({ data: null, loading: false });
    expect(viewQuery(failed, ['summary', 1], true).error).toEqual(new Error('NO_WORKSPACE'));
    expect(viewQuery(failed, ['summary', 2], true).error).toBeNull();
    expect(reload(failed).failure).toBeNull();
  });

  it('of a superseded request are dropped like its answer', () => {
    const first = ask(start, ['summary', 1]);
    const second = ask(first, ['summary', 2]);
    expect(fail(second, first.ticket, new Error('late'))).toBe(second);
  });

  it('keep the last good answer as `latest`', () => {
    const done = answer(ask(start, ['sets', 1]), 1, 'base, stress');
    const failed = fail(ask(done, ['sets', 2]), 2, new Error('down'));
    expect(viewQuery(failed, ['sets', 2], true)).toMatchObject({ data: null, latest: 'base, stress', loading: false });
  });
});

describe('a query that asks nothing (no tape chosen)', () => {
  it('is not loading and has no data for its key', () => {
    const skipped = ask(start, ['segments', null], false);
    expect(viewQuery(skipped, ['segments', null], false)).toEqual({ data: null, latest: null, error: null, loading: false });
  });

  it('ignores an answer to the request it asked before it stopped asking', () => {
    const asked = ask(start, ['segments', 1]);
    const skipped = ask(asked, ['segments', null], false);
    expect(answer(skipped, asked.ticket, 'gig, salaried')).toBe(skipped);
  });
});

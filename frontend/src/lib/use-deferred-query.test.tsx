import { renderHook } from '@testing-library/react';
import type { UseQueryResult } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { useDeferredQuery } from './use-deferred-query';

function result<Data>(data: Data | undefined): UseQueryResult<Data, Error> {
  return (
    data === undefined
      ? { data: undefined, isPending: true, isSuccess: false, isError: false, status: 'pending', error: null }
      : { data, isPending: false, isSuccess: true, isError: false, status: 'success', error: null }
  ) as unknown as UseQueryResult<Data, Error>;
}

describe('useDeferredQuery', () => {
  it('passes a pending query through, then gives the first answer and each later one, never an older one', () => {
    const { result: deferred, rerender } = renderHook(({ query }) => useDeferredQuery(query), {
      initialProps: { query: result<number[]>(undefined) },
    });
    expect(deferred.current.isPending).toBe(true);
    expect(deferred.current.data).toBeUndefined();

    const first = result([1, 2]);
    rerender({ query: first });
    // Drawn (the test renderer finishes the deferred drawing before it returns): the answer, as answered.
    expect(deferred.current).toBe(first);

    const second = result([3]);
    rerender({ query: second });
    expect(deferred.current.data).toEqual([3]);
    expect(deferred.current.isPending).toBe(false);
  });

  it('reads as pending, without figures, while a first answer is not drawn yet', () => {
    // What a render in the middle sees: the query has its answer, the deferred copy has none yet.
    const states: Array<{ pending: boolean; data: unknown }> = [];
    const { rerender } = renderHook(
      ({ query }) => {
        const shown = useDeferredQuery(query);
        states.push({ pending: shown.isPending, data: shown.data });
        return shown;
      },
      { initialProps: { query: result<string>(undefined) } },
    );
    rerender({ query: result('figures') });
    // First the urgent render, still pending (the skeleton stays), then the deferred one with the figures.
    expect(states.slice(1).map((state) => state.pending)).toEqual([true, false]);
    // Every state seen is consistent: pending without data, or settled with the answer.
    for (const state of states) expect(state.pending ? state.data === undefined : state.data === 'figures').toBe(true);
    expect(states.at(-1)).toEqual({ pending: false, data: 'figures' });
  });
});

import { useDeferredValue } from 'react';
import type { UseQueryResult } from '@tanstack/react-query';

/**
 * A query whose figures are drawn in a transition: when they arrive, React draws what depends on them in slices it
 * may interrupt, not in one task that blocks the page (a statistics screen's sections drew for 60–120 ms each as
 * their answers came in). Until the deferred drawing catches up on a first answer, the query still reads as
 * pending, so the section keeps its skeleton; later answers replace the earlier figures when drawn.
 */
export function useDeferredQuery<Data, Failure>(query: UseQueryResult<Data, Failure>): UseQueryResult<Data, Failure> {
  const data = useDeferredValue(query.data);
  if (query.data !== undefined && data === undefined) {
    return { ...query, data: undefined, isPending: true, isSuccess: false, status: 'pending' } as UseQueryResult<Data, Failure>;
  }
  return data === query.data ? query : ({ ...query, data } as UseQueryResult<Data, Failure>);
}

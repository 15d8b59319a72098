/** Every activity query starts with `activity`: one invalidation refreshes the feed, the summary and the people. */
export const activityQueryKey = ['activity'] as const;

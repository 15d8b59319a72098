package com.harborcrm.pool;

/**
 * A pool of the store was created or deleted in the current transaction: its rules row came or went with it
 * (triggers of V94/V95), so the rules kept in memory must be read again once it commits. Every instance hears of
 * it from the change feed too, but only after the fact: this instance forgets at once, before it answers.
 */
record PoolsChanged(long storeId) {
}

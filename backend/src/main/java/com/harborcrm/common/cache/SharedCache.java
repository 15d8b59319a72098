package com.harborcrm.common.cache;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * Copies of one kind of database row, kept while the {@link ChangeFeed} hears every change to them. Only values
 * read from committed data are kept: a transaction that changed a key reads it from the database until it
 * ends, and the key is forgotten when it ends, committed or not.
 */
public final class SharedCache<V> {

    private final ChangeFeed feed;
    private final String kind;
    private final int maxEntries;
    private final ConcurrentHashMap<String, V> entries = new ConcurrentHashMap<>();

    SharedCache(ChangeFeed feed, String kind, int maxEntries) {
        this.feed = feed;
        this.kind = kind;
        this.maxEntries = maxEntries;
    }

    /** The copy of {@code key}, or what {@code load} reads (null: nothing to keep, asked again next time). */
    public V get(String key, Supplier<V> load) {
        if (!feed.listening() || changedInThisTransaction(key)) {
            return load.get();
        }
        V kept = entries.get(key);
        if (kept != null) {
            return kept;
        }
        long generation = feed.generation();
        V loaded = load.get();
        if (loaded != null) {
            if (entries.size() >= maxEntries) {
                entries.clear();
            }
            entries.put(key, loaded);
            // A change heard while loading may be newer than what was read: drop the copy. (Forgetting moves the
            // generation before it removes, so a change heard after this check removes the copy itself.)
            if (feed.generation() != generation || !feed.listening()) {
                entries.remove(key, loaded);
            }
        }
        return loaded;
    }

    /**
     * This transaction changes {@code key}: read it from the database for the rest of the transaction, and forget
     * every copy of it here as soon as the transaction ends. (Other instances hear it from the feed.)
     */
    public void forgetAfterCompletion(String key) {
        forget(key);
        TransactionSynchronizationRegistry transactions = feed.transactions();
        if (transactions.getTransactionKey() == null) {
            return;
        }
        String marker = marker(key);
        if (transactions.getResource(marker) != null) {
            return;
        }
        transactions.putResource(marker, Boolean.TRUE);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                forget(key);
            }
        });
    }

    /** Drops the copy of {@code key}; the next read loads it. */
    public void forget(String key) {
        feed.moveGeneration();
        entries.remove(key);
    }

    void forgetAll() {
        feed.moveGeneration();
        entries.clear();
    }

    int size() {
        return entries.size();
    }

    private boolean changedInThisTransaction(String key) {
        TransactionSynchronizationRegistry transactions = feed.transactions();
        return transactions.getTransactionKey() != null && transactions.getResource(marker(key)) != null;
    }

    private String marker(String key) {
        return "harbor-cache:" + kind + ":" + key;
    }
}

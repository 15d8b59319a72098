package com.harborcrm.account;

/**
 * Fired synchronously inside the signup transaction, with the new store entered as tenant, so that other
 * features can seed their per-store defaults (reasons, pool rules) without the account feature knowing them.
 */
public record StoreOpened(long storeId, StoreLanguage language) {
}

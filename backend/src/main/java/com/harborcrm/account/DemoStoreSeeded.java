package com.harborcrm.account;

import java.util.List;

/** Fired after the demo store and its users exist, with the store entered, so features can add demo data. */
public record DemoStoreSeeded(long storeId, long managerId, List<Long> repIds) {
}

package com.harborcrm.customer;

/** The trade stage, in the order a customer usually moves through it (NO_DEAL: quoted, not closed). */
public enum CustomerStage {
    UNMARKED, INQUIRY, SAMPLE_ORDER, NO_DEAL, TRANSACTION, REPEAT_PURCHASE
}

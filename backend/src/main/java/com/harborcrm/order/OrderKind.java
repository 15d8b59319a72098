package com.harborcrm.order;

/** What a customer was offered or bought. Only ORDER counts as a deal; a SAMPLE_ORDER marks the sample stage. */
public enum OrderKind {
    QUOTATION, SAMPLE_ORDER, ORDER
}

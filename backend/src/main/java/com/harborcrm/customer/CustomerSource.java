package com.harborcrm.customer;

/** Where the customer came from. */
public enum CustomerSource {
    ALIBABA_INQUIRY, IM_INQUIRY, EXHIBITION, SEARCH_ENGINE, ECOMMERCE_PLATFORM, REFERRAL, MANUAL, IMPORT, OTHER
}

package com.harborcrm.inquiry;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.harborcrm.customer.CustomerSource;

/** Where an inquiry came in; a new buyer's customer source follows from it. */
@Schema(name = "InquiryChannel", description = "ALIBABA: the marketplace's inquiry list (source ALIBABA_INQUIRY); "
        + "IM: an instant-messaging bot (IM_INQUIRY); EXHIBITION, SEARCH_ENGINE, ECOMMERCE_PLATFORM, REFERRAL: the "
        + "source of that name; EMAIL, WEBSITE, OTHER: source OTHER.")
public enum InquiryChannel {
    ALIBABA(CustomerSource.ALIBABA_INQUIRY),
    IM(CustomerSource.IM_INQUIRY),
    EXHIBITION(CustomerSource.EXHIBITION),
    SEARCH_ENGINE(CustomerSource.SEARCH_ENGINE),
    ECOMMERCE_PLATFORM(CustomerSource.ECOMMERCE_PLATFORM),
    REFERRAL(CustomerSource.REFERRAL),
    EMAIL(CustomerSource.OTHER),
    WEBSITE(CustomerSource.OTHER),
    OTHER(CustomerSource.OTHER);

    private final CustomerSource source;

    InquiryChannel(CustomerSource source) {
        this.source = source;
    }

    public CustomerSource source() {
        return source;
    }
}

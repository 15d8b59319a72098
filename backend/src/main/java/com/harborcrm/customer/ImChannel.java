package com.harborcrm.customer;

/** Instant-messaging networks buyers reach merchants through. */
public enum ImChannel {
    WHATSAPP, WECHAT, SKYPE, LINE, TELEGRAM, WANGWANG, OTHER
}

package com.harborcrm.messaging;

public enum MessageChannel {
    EMAIL, SMS
}

package com.harborcrm.messaging;

/** Where a consent came from: a person in the app, an import, an integration, the unsubscribe link, or a STOP reply. */
public enum ConsentSource {
    MANUAL, IMPORT, API, UNSUBSCRIBE_LINK, INBOUND_STOP
}

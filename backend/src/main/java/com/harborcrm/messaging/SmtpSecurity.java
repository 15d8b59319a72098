package com.harborcrm.messaging;

/** How the SMTP connection is protected: NONE (development only), STARTTLS (port 587) or TLS from the start (465). */
public enum SmtpSecurity {
    NONE, STARTTLS, TLS
}

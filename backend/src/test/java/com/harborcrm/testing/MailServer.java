package com.harborcrm.testing;

import java.util.Arrays;
import java.util.List;

import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/** A real SMTP server (GreenMail) on a free local port: tests assert on what arrived over the wire. */
public final class MailServer implements AutoCloseable {

    private final GreenMail greenMail;

    public MailServer() {
        greenMail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
    }

    /** Requires this login (AUTH); without it the server takes mail from anyone. */
    public MailServer requireLogin(String user, String password) {
        greenMail.setUser(user, password);
        greenMail.getManagers().getUserManager().setAuthRequired(true);
        return this;
    }

    public int port() {
        return greenMail.getSmtp().getPort();
    }

    public List<MimeMessage> received() {
        return Arrays.asList(greenMail.getReceivedMessages());
    }

    /**
     * What arrived, once at least {@code expected} messages have (or 30 s passed): the server stores a message a
     * moment after it accepted it, so the sender may be done before the message is in the box. Generous: it returns
     * as soon as they are there, and a busy 2-core CI machine once took longer than 5 s.
     */
    public List<MimeMessage> received(int expected) {
        greenMail.waitForIncomingEmail(30_000, expected);
        return received();
    }

    @Override
    public void close() {
        greenMail.stop();
    }
}

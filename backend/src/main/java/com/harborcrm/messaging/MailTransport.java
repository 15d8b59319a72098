package com.harborcrm.messaging;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.harborcrm.common.config.HarborConfig;
import com.harborcrm.messaging.MessagingSettingsService.Channels;

import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.ext.mail.LoginOption;
import io.vertx.ext.mail.MailClient;
import io.vertx.ext.mail.MailConfig;
import io.vertx.ext.mail.MailMessage;
import io.vertx.ext.mail.MailResult;
import io.vertx.ext.mail.StartTLSOptions;

/**
 * Sends e-mail over the store's own SMTP server. Quarkus Mailer configures its mailers once, from application
 * properties; each store here brings its server at runtime, so this builds the Vert.x mail client the Mailer
 * itself wraps, one per store and settings version (a pool of SMTP connections, closed when the settings change).
 */
@ApplicationScoped
public class MailTransport {

    /** One mail, ready to go: the text and HTML parts and any extra headers (List-Unsubscribe...). */
    public record OutgoingMail(String to, String subject, String text, String html, Map<String, String> headers) {
    }

    private record Client(long version, MailClient client) {
    }

    @Inject
    Vertx vertx;

    @Inject
    HarborConfig config;

    @Inject
    OutboundHosts hosts;

    private final Map<Long, Client> clients = new ConcurrentHashMap<>();

    /** Sends one mail; the server's Message-ID when it accepted it. */
    public String send(Channels channels, OutgoingMail mail) throws DeliveryException {
        if (!channels.ready(MessageChannel.EMAIL)) {
            throw new DeliveryException("E-mail is not set up for this store", true);
        }
        hosts.check(channels.smtpHost());
        MailMessage message = new MailMessage()
                .setFrom(channels.fromName() == null ? channels.fromAddress()
                        : quoted(channels.fromName()) + " <" + channels.fromAddress() + ">")
                .setTo(mail.to()).setSubject(mail.subject()).setText(mail.text()).setHtml(mail.html());
        MultiMap headers = MultiMap.caseInsensitiveMultiMap();
        if (channels.replyTo() != null) {
            headers.add("Reply-To", channels.replyTo());
        }
        mail.headers().forEach(headers::add);
        message.setHeaders(headers);
        long timeout = config.messaging().sendTimeout().toMillis();
        try {
            MailResult result = client(channels).sendMail(message).toCompletionStage().toCompletableFuture()
                    .get(timeout * 2, TimeUnit.MILLISECONDS);
            return result.getMessageID();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeliveryException("Sending was interrupted", false);
        } catch (TimeoutException e) {
            throw new DeliveryException("The mail server did not answer in time", false);
        } catch (ExecutionException e) {
            String reason = String.valueOf(e.getCause().getMessage());
            // 5xx replies are permanent (a refused address or sign-in); anything else may pass on a retry.
            boolean permanent = reason.matches("(?s).*\\b5\\d\\d\\b.*") && !reason.contains("421");
            throw new DeliveryException("The mail server refused it: " + reason, permanent);
        }
    }

    private static String quoted(String name) {
        return name.matches("[A-Za-z0-9 ._-]*") ? name : "\"" + name.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private MailClient client(Channels channels) {
        Client current = clients.get(channels.storeId());
        if (current != null && current.version() == channels.version()) {
            return current.client();
        }
        Client[] replaced = new Client[1];
        Client client = clients.compute(channels.storeId(), (store, existing) -> {
            if (existing != null && existing.version() == channels.version()) {
                return existing;
            }
            replaced[0] = existing;
            return new Client(channels.version(), MailClient.create(vertx, mailConfig(channels)));
        });
        if (replaced[0] != null) {
            // Sends in flight on the old settings finish first.
            MailClient old = replaced[0].client();
            vertx.setTimer(config.messaging().sendTimeout().toMillis() * 3, timer -> old.close());
        }
        return client.client();
    }

    private MailConfig mailConfig(Channels channels) {
        MailConfig mailConfig = new MailConfig().setHostname(channels.smtpHost()).setPort(channels.smtpPort())
                .setKeepAlive(true).setMaxPoolSize(4).setAllowRcptErrors(false)
                .setConnectTimeout((int) config.messaging().sendTimeout().toMillis())
                .setIdleTimeout(60).setIdleTimeoutUnit(TimeUnit.SECONDS);
        switch (channels.security()) {
            case NONE -> mailConfig.setStarttls(StartTLSOptions.DISABLED).setSsl(false);
            case STARTTLS -> mailConfig.setStarttls(StartTLSOptions.REQUIRED).setSsl(false);
            case TLS -> mailConfig.setSsl(true).setStarttls(StartTLSOptions.DISABLED);
        }
        if (channels.smtpUsername() != null) {
            mailConfig.setLogin(LoginOption.REQUIRED).setUsername(channels.smtpUsername())
                    .setPassword(channels.smtpPassword().orElse(""));
        } else {
            mailConfig.setLogin(LoginOption.DISABLED);
        }
        return mailConfig;
    }

    @PreDestroy
    void close() {
        clients.values().forEach(c -> c.client().close());
    }
}

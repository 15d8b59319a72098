package com.harborcrm.messaging;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
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
 * properties; each store here brings its server at runtime, so this builds the Vert.x mail clients the Mailer
 * itself wraps, per store and settings version (closed when the settings change).
 * <p>
 * Each send in flight has a client of its own, with one kept-alive connection: a send never waits inside the
 * Vert.x mail pool. Sharing one pooled client, a send that had to wait for a connection sometimes was served only
 * when the next send arrived (seen in CampaignTest as a 20 s timeout, then a retry of a message the server had
 * accepted: a duplicate). {@code harbor.messaging.concurrency} clients per store, as many as the dispatcher sends at once.
 */
@ApplicationScoped
public class MailTransport {

    /** One mail, ready to go: the text and HTML parts and any extra headers (List-Unsubscribe...). */
    public record OutgoingMail(String to, String subject, String text, String html, Map<String, String> headers) {
    }

    /** A store's clients for one settings version; a send takes an idle one and gives it back. */
    private record Client(long version, MailConfig config, BlockingQueue<MailClient> idle, List<MailClient> all) {
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
        Client client = client(channels);
        MailClient mailClient;
        try {
            mailClient = client.idle().poll(timeout * 2, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeliveryException("Sending was interrupted", false);
        }
        if (mailClient == null) {
            throw new DeliveryException("Harbor was busy sending other messages: it will try again", false);
        }
        boolean healthy = false;
        try {
            MailResult result = mailClient.sendMail(message).toCompletionStage().toCompletableFuture()
                    .get(timeout * 2, TimeUnit.MILLISECONDS);
            healthy = true;
            return result.getMessageID();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeliveryException("Sending was interrupted", false);
        } catch (TimeoutException e) {
            throw new DeliveryException("The mail server did not answer in time", false);
        } catch (ExecutionException e) {
            healthy = true; // the server answered: the connection is in a known state
            String reason = String.valueOf(e.getCause().getMessage());
            // 5xx replies are permanent (a refused address or sign-in); anything else may pass on a retry.
            boolean permanent = reason.matches("(?s).*\\b5\\d\\d\\b.*") && !reason.contains("421");
            throw new DeliveryException("The mail server refused it: " + reason, permanent);
        } finally {
            // A client whose send hung may hold a connection in an unknown state: a fresh one takes its place.
            client.idle().offer(healthy ? mailClient : replace(client, mailClient));
        }
    }

    private MailClient replace(Client client, MailClient stuck) {
        stuck.close();
        MailClient fresh = MailClient.create(vertx, client.config());
        synchronized (client.all()) {
            client.all().remove(stuck);
            client.all().add(fresh);
        }
        return fresh;
    }

    private static String quoted(String name) {
        return name.matches("[A-Za-z0-9 ._-]*") ? name : "\"" + name.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private Client client(Channels channels) {
        Client current = clients.get(channels.storeId());
        if (current != null && current.version() == channels.version()) {
            return current;
        }
        Client[] replaced = new Client[1];
        Client client = clients.compute(channels.storeId(), (store, existing) -> {
            if (existing != null && existing.version() == channels.version()) {
                return existing;
            }
            replaced[0] = existing;
            MailConfig mailConfig = mailConfig(channels);
            int size = Math.max(1, config.messaging().concurrency());
            BlockingQueue<MailClient> idle = new ArrayBlockingQueue<>(size);
            List<MailClient> all = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                MailClient mailClient = MailClient.create(vertx, mailConfig);
                idle.add(mailClient);
                all.add(mailClient);
            }
            return new Client(channels.version(), mailConfig, idle, all);
        });
        if (replaced[0] != null) {
            // Sends in flight on the old settings finish first.
            Client old = replaced[0];
            vertx.setTimer(config.messaging().sendTimeout().toMillis() * 3, timer -> closeAll(old));
        }
        return client;
    }

    private static void closeAll(Client client) {
        synchronized (client.all()) {
            client.all().forEach(MailClient::close);
        }
    }

    private MailConfig mailConfig(Channels channels) {
        MailConfig mailConfig = new MailConfig().setHostname(channels.smtpHost()).setPort(channels.smtpPort())
                .setKeepAlive(true).setMaxPoolSize(1).setAllowRcptErrors(false)
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
        clients.values().forEach(MailTransport::closeAll);
    }
}

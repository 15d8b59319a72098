package com.harborcrm.messaging;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.harborcrm.common.config.HarborConfig;
import com.harborcrm.messaging.MessagingSettingsService.Channels;

/**
 * The most widely copied SMS REST shape (Twilio's, also spoken by several others): {@code POST
 * {base}/2010-04-01/Accounts/{account}/Messages.json} form-encoded {@code To, From, Body, StatusCallback} with basic
 * auth (account, token); the answer's {@code sid} names the message. Callbacks are form posts signed with
 * {@code X-Twilio-Signature}: base64 HMAC-SHA1, keyed by the token, of the URL followed by each parameter's name
 * and value in name order.
 */
@ApplicationScoped
public class TwilioShapedSmsGateway implements SmsGateway {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    HarborConfig config;

    @Inject
    OutboundHosts hosts;

    private volatile HttpClient client;

    @Override
    public String send(Channels channels, String to, String body, String statusCallbackUrl) throws DeliveryException {
        if (!channels.ready(MessageChannel.SMS)) {
            throw new DeliveryException("SMS is not set up for this store", true);
        }
        URI uri = URI.create(channels.smsBaseUrl().replaceAll("/+$", "") + "/2010-04-01/Accounts/"
                + channels.smsAccount() + "/Messages.json");
        if (uri.getHost() == null) {
            throw new DeliveryException("The SMS provider URL has no host", true);
        }
        hosts.check(uri.getHost());
        String form = form(Map.of("To", to, "From", channels.smsFrom(), "Body", body,
                "StatusCallback", statusCallbackUrl));
        String auth = Base64.getEncoder().encodeToString((channels.smsAccount() + ":" + channels.smsToken().orElse(""))
                .getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(config.messaging().sendTimeout())
                .header("Content-Type", "application/x-www-form-urlencoded").header("Authorization", "Basic " + auth)
                .header("Accept", "application/json").POST(HttpRequest.BodyPublishers.ofString(form)).build();
        HttpResponse<String> response;
        try {
            response = client().send(request, HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            throw new DeliveryException("The SMS provider did not answer in time", false);
        } catch (java.io.IOException e) {
            throw new DeliveryException("The SMS provider could not be reached: " + e.getMessage(), false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeliveryException("Sending was interrupted", false);
        }
        int status = response.statusCode();
        String excerpt = response.body() == null ? "" : response.body().substring(0, Math.min(300, response.body().length()));
        if (status >= 200 && status < 300) {
            try {
                JsonNode sid = JSON.readTree(response.body()).get("sid");
                if (sid != null && sid.isTextual()) {
                    return sid.asText();
                }
            } catch (java.io.IOException e) {
                // reported below
            }
            throw new DeliveryException("The SMS provider answered without a message id: " + excerpt, false);
        }
        // 4xx: the request is wrong (number, credentials) and will be wrong again, except 429 (slow down).
        boolean permanent = status >= 400 && status < 500 && status != 429 && status != 408;
        throw new DeliveryException("The SMS provider refused it (HTTP " + status + "): " + excerpt, permanent);
    }

    @Override
    public boolean verify(String token, String url, Map<String, String> form, String signature) {
        if (signature == null || token == null) {
            return false;
        }
        return MessageDigest.isEqual(sign(token, url, form).getBytes(StandardCharsets.UTF_8),
                signature.getBytes(StandardCharsets.UTF_8));
    }

    /** The signature a provider puts on a callback to {@code url} with these form parameters. */
    public static String sign(String token, String url, Map<String, String> form) {
        StringBuilder data = new StringBuilder(url);
        new TreeMap<>(form).forEach((k, v) -> data.append(k).append(v));
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(token.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is part of every JDK", e);
        }
    }

    static String form(Map<String, String> values) {
        return new TreeMap<>(values).entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private HttpClient client() {
        HttpClient c = client;
        if (c == null) {
            synchronized (this) {
                if (client == null) {
                    client = HttpClient.newBuilder().connectTimeout(config.messaging().sendTimeout())
                            .followRedirects(HttpClient.Redirect.NEVER).build();
                }
                c = client;
            }
        }
        return c;
    }
}

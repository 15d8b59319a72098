package com.harborcrm.webhook;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.harborcrm.common.config.HarborConfig;

/**
 * Where webhooks may go. A URL must be absolute https (http only where configured), without credentials in it;
 * and it must not lead to the network around Harbor: an address that is loopback, private, link-local (cloud
 * metadata), carrier-grade NAT, unique-local or multicast is refused unless its host is on the configured
 * allow-list (local development). The address is checked when the URL is saved (literal addresses) and again on
 * every attempt after resolving the name, since DNS can change; redirects are never followed, so an answer
 * cannot send the request elsewhere.
 */
@ApplicationScoped
public class WebhookTargets {

    @Inject
    HarborConfig config;

    /** Why a URL cannot be saved, in words for the person who typed it; empty when it can. */
    public Optional<String> problemWith(String url) {
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (URISyntaxException e) {
            return Optional.of("must be a complete address such as https://example.com/harbor-webhooks");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
            return Optional.of("must be a complete address such as https://example.com/harbor-webhooks");
        }
        if (scheme.equals("http") && !config.webhooks().allowHttp()) {
            return Optional.of("must start with https://: webhooks carry customer data and are sent over TLS only");
        }
        if (uri.getRawUserInfo() != null) {
            return Optional.of("must not contain a user name or password: the signature proves that Harbor sent it");
        }
        if (uri.getRawFragment() != null) {
            return Optional.of("must not contain a #fragment");
        }
        String host = host(uri);
        if (!allowedPrivate(host) && (host.equals("localhost") || host.endsWith(".localhost")
                || isLiteralAddress(host) && literalIsPrivate(host))) {
            return Optional.of("points to a private or local address; webhooks go to public addresses only");
        }
        return Optional.empty();
    }

    /**
     * Checks where a request would go right now: empty when it may be sent, else the reason (recorded on the
     * attempt). Resolves the host name.
     */
    public Optional<String> refusal(URI uri) {
        String host = host(uri);
        if (allowedPrivate(host)) {
            return Optional.empty();
        }
        try {
            for (InetAddress address : InetAddress.getAllByName(host)) {
                if (isPrivate(address)) {
                    return Optional.of("The address " + host + " resolves to " + address.getHostAddress()
                            + ", a private or local address; webhooks go to public addresses only");
                }
            }
            return Optional.empty();
        } catch (UnknownHostException e) {
            return Optional.of("The host name " + host + " could not be resolved");
        }
    }

    private boolean allowedPrivate(String host) {
        Set<String> allowed = config.webhooks().allowedPrivateHosts().orElse(List.of()).stream()
                .map(h -> h.trim().toLowerCase(Locale.ROOT)).filter(h -> !h.isEmpty()).collect(Collectors.toSet());
        return allowed.contains(host);
    }

    private static String host(URI uri) {
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    private static boolean isLiteralAddress(String host) {
        return host.contains(":") || host.matches("\\d{1,3}(\\.\\d{1,3}){3}");
    }

    private static boolean literalIsPrivate(String host) {
        try {
            return isPrivate(InetAddress.getByName(host)); // a literal: parsed, never looked up
        } catch (UnknownHostException e) {
            return true;
        }
    }

    static boolean isPrivate(InetAddress address) {
        return com.harborcrm.common.web.NetworkAddresses.isPrivate(address);
    }
}

package com.harborcrm.messaging;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.harborcrm.common.config.HarborConfig;
import com.harborcrm.common.web.NetworkAddresses;

/**
 * A store names the SMTP server and SMS provider Harbor connects to; without this check it could make Harbor
 * knock on addresses inside its own network. Checked when sending, after resolving the name.
 */
@ApplicationScoped
public class OutboundHosts {

    @Inject
    HarborConfig config;

    public void check(String host) throws DeliveryException {
        String h = host.toLowerCase(Locale.ROOT);
        List<String> allowed = config.messaging().allowedPrivateHosts().orElse(List.of());
        if (allowed.stream().anyMatch(a -> a.trim().equalsIgnoreCase(h))) {
            return;
        }
        try {
            for (InetAddress address : InetAddress.getAllByName(h)) {
                if (NetworkAddresses.isPrivate(address)) {
                    throw new DeliveryException("The host " + host + " is a private or local address ("
                            + address.getHostAddress() + "); Harbor sends to public servers only", true);
                }
            }
        } catch (UnknownHostException e) {
            throw new DeliveryException("The host name " + host + " could not be resolved", false);
        }
    }
}

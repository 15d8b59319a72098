package com.harborcrm.common.web;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Which addresses the server must not be sent to on a tenant's word (webhook URLs, SMTP hosts, SMS provider URLs):
 * loopback, private, link-local, carrier-grade NAT, multicast and reserved ranges, IPv4-mapped IPv6 included.
 */
public final class NetworkAddresses {

    private NetworkAddresses() {
    }

    public static boolean isPrivate(InetAddress address) {
        if (address.isLoopbackAddress() || address.isAnyLocalAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return true;
        }
        byte[] b = address.getAddress();
        if (b.length == 4) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return first == 0 || (first == 100 && second >= 64 && second < 128) // carrier-grade NAT
                    || (first == 192 && second == 0 && (b[2] & 0xff) == 0) || first >= 240;
        }
        // IPv6 unique-local fc00::/7, and IPv4-mapped addresses judged as IPv4.
        if ((b[0] & 0xfe) == 0xfc) {
            return true;
        }
        boolean mapped = true;
        for (int i = 0; i < 10; i++) {
            mapped &= b[i] == 0;
        }
        if (mapped && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
            try {
                return isPrivate(InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]}));
            } catch (UnknownHostException e) {
                return true;
            }
        }
        return false;
    }
}

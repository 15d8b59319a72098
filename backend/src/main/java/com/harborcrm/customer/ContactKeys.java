package com.harborcrm.customer;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The normalized forms customers are matched on (duplicates, repeat inquiries). Two customers are "the same"
 * when one of these keys is equal within the store.
 */
public final class ContactKeys {

    /** Shorter digit strings (extensions, typos) would match unrelated customers. */
    public static final int MIN_PHONE_DIGITS = 6;

    private ContactKeys() {
    }

    /** Lower-case, with a plus tag stripped: {@code John.Doe+alibaba@Example.com} → {@code john.doe@example.com}. */
    public static String email(String email) {
        if (email == null || email.isBlank()) {
            return null;
        }
        String lower = email.trim().toLowerCase(Locale.ROOT);
        int at = lower.lastIndexOf('@');
        if (at < 0) {
            return lower;
        }
        String local = lower.substring(0, at);
        int plus = local.indexOf('+');
        if (plus > 0) {
            local = local.substring(0, plus);
        }
        return local + lower.substring(at);
    }

    /**
     * Only the digits, without a leading international prefix 00 (so {@code 0086 574...} and {@code +86 574...}
     * match), or null when fewer than {@link #MIN_PHONE_DIGITS}.
     */
    public static String phoneDigits(String phone) {
        if (phone == null) {
            return null;
        }
        String digits = phone.replaceAll("[^0-9]", "");
        if (digits.startsWith("00")) {
            digits = digits.substring(2);
        }
        return digits.length() < MIN_PHONE_DIGITS ? null : digits;
    }

    /** {@code CHANNEL:handle}, lower-cased and trimmed; a leading {@code @} is not part of the handle. */
    public static String imHandle(ImAccount account) {
        return account == null ? null : imHandle(account.channel(), account.handle());
    }

    /** The key of a handle on a network, as {@link #imHandle(ImAccount)}. */
    public static String imHandle(ImChannel channel, String text) {
        if (channel == null || text == null) {
            return null;
        }
        String handle = text.trim().toLowerCase(Locale.ROOT);
        if (handle.startsWith("@")) {
            handle = handle.substring(1);
        }
        return handle.isEmpty() ? null : channel.name() + ":" + handle;
    }

    public static Set<String> imHandles(List<ImAccount> accounts) {
        Set<String> handles = new LinkedHashSet<>();
        if (accounts != null) {
            for (ImAccount account : accounts) {
                String key = imHandle(account);
                if (key != null) {
                    handles.add(key);
                }
            }
        }
        return handles;
    }
}

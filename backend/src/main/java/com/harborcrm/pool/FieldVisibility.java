package com.harborcrm.pool;

import java.util.List;
import java.util.function.UnaryOperator;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.harborcrm.customer.ImAccount;

/**
 * What a rep sees of each contact of a pool customer before claiming it, per pool (V99): the value whole, masked
 * (enough to recognise a customer, not to reach them) or hidden. A field absent from a saved rule is masked, as
 * every contact was before pools had this list.
 */
@Schema(name = "PoolFieldVisibility", description = "What a rep sees of each contact of a pool customer before "
        + "claiming it, while maskContacts is on: VISIBLE (whole), MASKED (e.g. j***@example.com, *** *** 4321, "
        + "***.com) or HIDDEN (left out). Absent: MASKED. Managers and admins always see every value whole.")
public record FieldVisibility(
        @Schema(description = "Absent: MASKED") Level email,
        @Schema(description = "Absent: MASKED") Level phone,
        @Schema(description = "Absent: MASKED") Level mobile,
        @Schema(description = "Absent: MASKED") Level fax,
        @Schema(description = "Every IM handle (WhatsApp, WeChat, Wangwang...); absent: MASKED") Level imAccounts,
        @Schema(description = "Absent: MASKED") Level website) {

    @Schema(name = "PoolFieldVisibilityLevel", description = "VISIBLE: whole; MASKED: partly hidden; HIDDEN: left out")
    public enum Level {
        VISIBLE, MASKED, HIDDEN
    }

    /** What stands for a hidden value where it appears in a text (notes, follow-ups, inquiry messages). */
    public static final String HIDDEN_IN_TEXT = "***";

    public static final FieldVisibility ALL_VISIBLE = uniform(Level.VISIBLE);
    public static final FieldVisibility ALL_MASKED = uniform(Level.MASKED);

    private static FieldVisibility uniform(Level level) {
        return new FieldVisibility(level, level, level, level, level, level);
    }

    /** Every field named: absent ones masked. */
    public FieldVisibility complete() {
        return new FieldVisibility(levelOf(email), levelOf(phone), levelOf(mobile), levelOf(fax), levelOf(imAccounts),
                levelOf(website));
    }

    /** A field's level as saved: absent is masked. */
    static Level levelOf(Level level) {
        return level == null ? Level.MASKED : level;
    }

    /** Whether every value is seen whole (asked per customer read: no copy made). */
    public boolean showsAll() {
        return email == Level.VISIBLE && phone == Level.VISIBLE && mobile == Level.VISIBLE && fax == Level.VISIBLE
                && imAccounts == Level.VISIBLE && website == Level.VISIBLE;
    }

    public String showEmail(String value) {
        return show(levelOf(email), value, PoolReadPolicy::maskEmail);
    }

    public String showPhone(String value) {
        return show(levelOf(phone), value, PoolReadPolicy::maskPhone);
    }

    public String showMobile(String value) {
        return show(levelOf(mobile), value, PoolReadPolicy::maskPhone);
    }

    public String showFax(String value) {
        return show(levelOf(fax), value, PoolReadPolicy::maskPhone);
    }

    public String showWebsite(String value) {
        return show(levelOf(website), value, PoolReadPolicy::maskWebsite);
    }

    /** The accounts as they may be seen: hidden ones are left out of the list. */
    public List<ImAccount> showImAccounts(List<ImAccount> accounts) {
        return switch (levelOf(imAccounts)) {
            case VISIBLE -> accounts;
            case MASKED -> PoolReadPolicy.maskAccounts(accounts);
            case HIDDEN -> accounts == null ? null : List.of();
        };
    }

    /** One IM handle as it may be seen (an export's cell lists a channel's handles); null when hidden. */
    public String showHandle(String handle) {
        return show(levelOf(imAccounts), handle, PoolReadPolicy::maskHandle);
    }

    private static String show(Level level, String value, UnaryOperator<String> mask) {
        return switch (level) {
            case VISIBLE -> value;
            case MASKED -> mask.apply(value);
            case HIDDEN -> null;
        };
    }

    /** What replaces a value of this visibility inside a text: its masked form, or {@link #HIDDEN_IN_TEXT}. */
    static String inText(Level level, String masked) {
        return level == Level.HIDDEN ? HIDDEN_IN_TEXT : masked;
    }
}

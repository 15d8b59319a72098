package com.harborcrm.pool;

import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.harborcrm.common.security.CurrentUser;
import com.harborcrm.common.security.Role;
import com.harborcrm.customer.Customer;
import com.harborcrm.customer.CustomerDtos.CustomerView;
import com.harborcrm.customer.ImAccount;
import com.harborcrm.pool.PoolDtos.PoolReturn;

/**
 * The one place where the pool shapes how customers are read: while the rule {@code maskContacts} is on, reps see
 * each contact of a pool customer — email, phone, mobile, fax, every IM handle, website — as that pool's
 * {@link FieldVisibility} says (masked unless it says otherwise), in its fields and wherever those values appear in
 * its texts (notes, custom fields, follow-ups, events, inquiries); managers and admins see them whole. Every private
 * customer carries its {@code poolReturn}. Every customer read (detail, lists, pool, timeline, follow-ups,
 * inquiries, export) goes through here.
 */
@ApplicationScoped
public class PoolReadPolicy {

    @Inject
    CurrentUser currentUser;

    @Inject
    PoolRulesService rulesService;

    @Inject
    PoolTimer timer;

    @Inject
    Clock clock;

    public CustomerView view(Customer customer, CustomerView view) {
        return views(List.of(view)).get(0);
    }

    /** Masks and times a page of customers with one query at most (timers; the rules are in memory). */
    public List<CustomerView> views(List<CustomerView> views) {
        List<Long> owned = views.stream().filter(v -> v.ownerId() != null).map(CustomerView::id).toList();
        Map<Long, PoolReturn> returns = owned.isEmpty() ? Map.of() : timer.returnsOf(owned, clock.instant());
        return masked(views.stream().map(v -> v.ownerId() == null ? v : v.withPoolReturn(returns.get(v.id()))).toList());
    }

    /**
     * Masks a page whose private customers already carry their poolReturn (read with PoolTimer's SQL): each pool
     * customer as its own pool's rules say.
     */
    public List<CustomerView> masked(List<CustomerView> views) {
        if (currentUser.role() != Role.REP) {
            return views;
        }
        return views.stream().map(v -> {
            FieldVisibility seen = v.ownerId() == null ? visibilityOf(v.poolId()) : FieldVisibility.ALL_VISIBLE;
            return seen.showsAll() ? v : maskedView(v, seen);
        }).toList();
    }

    private static CustomerView maskedView(CustomerView v, FieldVisibility seen) {
        Contacts contacts = Contacts.of(seen, v.email(), v.phone(), v.mobile(), v.fax(), v.imAccounts(), v.website());
        @SuppressWarnings("unchecked")
        Map<String, Object> customFields = (Map<String, Object>) maskValues(v.customFields(), contacts::maskIn);
        return v.withContacts(seen.showEmail(v.email()), seen.showPhone(v.phone()), seen.showMobile(v.mobile()),
                seen.showFax(v.fax()), seen.showImAccounts(v.imAccounts()), seen.showWebsite(v.website()),
                contacts.maskIn(v.notes()), customFields);
    }

    /**
     * What the caller may read of the customer's texts (follow-ups, event data, inquiry messages): the identity when
     * it sees the customer whole, else a function masking the customer's contacts wherever they appear.
     */
    public UnaryOperator<String> textMask(Customer customer) {
        if (!customer.isInPool()) {
            return UnaryOperator.identity();
        }
        FieldVisibility seen = visibilityOf(customer.poolId);
        return seen.showsAll() ? UnaryOperator.identity() : contactsOf(customer, seen)::maskIn;
    }

    /**
     * How the caller sees the contacts of pool {@code poolId}'s customers: as the pool's field visibility says for
     * reps while its rule maskContacts is on; whole otherwise.
     */
    public FieldVisibility visibilityOf(Long poolId) {
        if (currentUser.role() != Role.REP) {
            return FieldVisibility.ALL_VISIBLE;
        }
        return visibility(rulesService.of(poolId == null ? PoolDirectory.DEFAULT_POOL : poolId));
    }

    /** What reps see of a pool's customers under its rules. */
    static FieldVisibility visibility(PoolRules rules) {
        return rules.maskContacts() ? rules.fieldVisibilityOrDefault() : FieldVisibility.ALL_VISIBLE;
    }

    /** Whether the caller sees the customers of pool {@code poolId} with some contact masked or hidden. */
    public boolean masksPool(Long poolId) {
        return !visibilityOf(poolId).showsAll();
    }

    /**
     * Whether the caller sees the customers of some pool masked. Matching a pool search's q against contacts reads
     * many pools' customers in one statement without a per-row rule: it matches whole values only then, for every
     * pool.
     */
    public boolean masksForCaller() {
        return currentUser.role() == Role.REP
                && rulesService.all().values().stream().anyMatch(rules -> !visibility(rules).showsAll());
    }

    /**
     * How the caller sees each pool's customers, by pool id, for the paths that read many pools' customers in one
     * statement (the export): empty when the caller sees every pool whole; a pool missing from a non-empty map
     * (deleted meanwhile) is read as the default pool.
     */
    public Map<Long, FieldVisibility> visibilityByPool() {
        if (!masksForCaller()) {
            return Map.of();
        }
        Map<Long, FieldVisibility> result = new LinkedHashMap<>();
        rulesService.all().forEach((pool, rules) -> result.put(pool, visibility(rules)));
        return result;
    }

    /** The customer's contacts that {@code seen} does not show whole, to find and mask them in texts. */
    public static Contacts contactsOf(Customer c, FieldVisibility seen) {
        return Contacts.of(seen, c.email, c.phone, c.mobile, c.fax, c.imAccounts, c.website);
    }

    /** "john.doe@example.com" → "j***@example.com". */
    public static String maskEmail(String email) {
        if (email == null) {
            return null;
        }
        int at = email.lastIndexOf('@');
        if (at <= 0) {
            return "***";
        }
        return email.charAt(0) + "***" + email.substring(at);
    }

    /** "+1 312 555 4321" → "*** *** 4321": only the last 4 digits stay. */
    public static String maskPhone(String number) {
        if (number == null) {
            return null;
        }
        String digits = number.replaceAll("[^0-9]", "");
        return digits.length() <= 4 ? "*** ***" : "*** *** " + digits.substring(digits.length() - 4);
    }

    /** "john_doe88" → "j***": an IM handle keeps its first character only (a leading @ stays). */
    public static String maskHandle(String handle) {
        if (handle == null) {
            return null;
        }
        String trimmed = handle.strip();
        int first = trimmed.startsWith("@") ? 1 : 0;
        return trimmed.length() <= first + 1 ? "***" : trimmed.substring(0, first + 1) + "***";
    }

    /** The accounts with their channel and a masked handle. */
    public static List<ImAccount> maskAccounts(List<ImAccount> accounts) {
        if (accounts == null) {
            return null;
        }
        return accounts.stream().map(a -> a == null ? null : new ImAccount(a.channel(), maskHandle(a.handle()))).toList();
    }

    /** "https://www.acme-trading.com/about" → "***.com": only the top-level domain stays. */
    public static String maskWebsite(String website) {
        if (website == null) {
            return null;
        }
        String host = hostOf(website);
        int dot = host == null ? -1 : host.lastIndexOf('.');
        return dot < 0 || dot == host.length() - 1 ? "***" : "***" + host.substring(dot);
    }

    private static String hostOf(String website) {
        String text = website.strip();
        String withScheme = text.matches("(?i)^[a-z][a-z0-9+.-]*://.*") ? text : "http://" + text;
        try {
            String host = URI.create(withScheme).getHost();
            if (host != null) {
                return host.toLowerCase(Locale.ROOT);
            }
        } catch (IllegalArgumentException e) {
            // Not a URI (the field is free text): fall back to what precedes the first slash.
        }
        String rest = withScheme.substring(withScheme.indexOf("://") + 3);
        int slash = rest.indexOf('/');
        return (slash < 0 ? rest : rest.substring(0, slash)).toLowerCase(Locale.ROOT);
    }

    /** Strings anywhere in a JSON-like value (maps, lists) passed through the mask; other values unchanged. */
    public static Object maskValues(Object value, UnaryOperator<String> mask) {
        if (value instanceof String text) {
            return mask.apply(text);
        }
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> result = new LinkedHashMap<>();
            map.forEach((k, v) -> result.put(k, maskValues(v, mask)));
            return result;
        }
        if (value instanceof List<?> list) {
            List<Object> result = new ArrayList<>(list.size());
            list.forEach(v -> result.add(maskValues(v, mask)));
            return result;
        }
        return value;
    }

    /**
     * A customer's (or an inquiry's) contact values, found in free text however they were typed there: an email or
     * a handle in any letter case, a number with any spacing or punctuation between its digits, a website with or
     * without its scheme. Each is replaced by its masked form.
     */
    public static final class Contacts {
        /** Shorter handles would also hide ordinary words of the text. */
        private static final int MIN_HANDLE = 3;
        /** A number matches from this many digits on (ContactKeys' shortest phone). */
        private static final int MIN_DIGITS = 6;
        /** A number written without its leading digits still matches from this many on (a local number). */
        private static final int MIN_SUFFIX_DIGITS = 7;

        private final List<Map.Entry<Pattern, String>> replacements;

        private Contacts(List<Map.Entry<Pattern, String>> replacements) {
            this.replacements = replacements;
        }

        /**
         * The contacts {@code seen} does not show whole; each is replaced in texts by its masked form, or by
         * {@link FieldVisibility#HIDDEN_IN_TEXT} when hidden.
         */
        public static Contacts of(FieldVisibility seen, String email, String phone, String mobile, String fax,
                List<ImAccount> accounts, String website) {
            List<Map.Entry<Pattern, String>> replacements = new ArrayList<>();
            FieldVisibility.Level emailLevel = FieldVisibility.levelOf(seen.email());
            if (emailLevel != FieldVisibility.Level.VISIBLE && email != null && !email.isBlank()) {
                replacements.add(Map.entry(word(email.strip()), FieldVisibility.inText(emailLevel, maskEmail(email.strip()))));
            }
            FieldVisibility.Level websiteLevel = FieldVisibility.levelOf(seen.website());
            if (websiteLevel != FieldVisibility.Level.VISIBLE && website != null && !website.isBlank()) {
                // The longest spelling first, so "www.acme.com/about" is not left as "***.com/about".
                Set<String> spellings = new LinkedHashSet<>();
                String stripped = website.strip().replaceAll("/+$", "");
                spellings.add(stripped);
                spellings.add(stripped.replaceFirst("(?i)^[a-z][a-z0-9+.-]*://", ""));
                String host = hostOf(website);
                if (host != null && host.contains(".")) {
                    spellings.add(host);
                    spellings.add(host.replaceFirst("^www\\.", ""));
                }
                String replacement = FieldVisibility.inText(websiteLevel, maskWebsite(website));
                spellings.stream().filter(s -> s.length() >= MIN_HANDLE)
                        .sorted(Comparator.comparingInt(String::length).reversed())
                        .forEach(s -> replacements.add(Map.entry(word(s), replacement)));
            }
            FieldVisibility.Level handleLevel = FieldVisibility.levelOf(seen.imAccounts());
            if (handleLevel != FieldVisibility.Level.VISIBLE && accounts != null) {
                for (ImAccount account : accounts) {
                    String handle = account == null || account.handle() == null ? "" : account.handle().strip();
                    String bare = handle.startsWith("@") ? handle.substring(1) : handle;
                    if (bare.length() >= MIN_HANDLE) {
                        replacements.add(Map.entry(word("@?" + Pattern.quote(bare), true),
                                FieldVisibility.inText(handleLevel, maskHandle(handle))));
                    }
                }
            }
            number(replacements, FieldVisibility.levelOf(seen.phone()), phone);
            number(replacements, FieldVisibility.levelOf(seen.mobile()), mobile);
            number(replacements, FieldVisibility.levelOf(seen.fax()), fax);
            return new Contacts(replacements);
        }

        private static void number(List<Map.Entry<Pattern, String>> replacements, FieldVisibility.Level level,
                String number) {
            String digits = number == null ? "" : number.replaceAll("[^0-9]", "");
            if (level != FieldVisibility.Level.VISIBLE && digits.length() >= MIN_DIGITS) {
                replacements.add(Map.entry(numberPattern(digits), FieldVisibility.inText(level, maskPhone(number))));
            }
        }

        /**
         * The number's digits in order with any separators between them, written whole (after + or 00) or as its
         * last {@value #MIN_SUFFIX_DIGITS} or more digits (without the country code, as people write numbers in notes);
         * never inside a longer run of digits.
         */
        private static Pattern numberPattern(String digits) {
            String separator = "[\\s().\\-/]*";
            int optional = Math.max(0, digits.length() - MIN_SUFFIX_DIGITS);
            StringBuilder regex = new StringBuilder("(?<![0-9])(?:\\+|00)?");
            // (?:(?:d0 S)? d1 S)? ...: the leading digits may each be left out, from the first on.
            regex.append("(?:".repeat(optional));
            for (int i = 0; i < digits.length(); i++) {
                regex.append(digits.charAt(i)).append(i < digits.length() - 1 ? separator : "");
                if (i < optional) {
                    regex.append(")?");
                }
            }
            return Pattern.compile(regex.append("(?![0-9])").toString());
        }

        private static Pattern word(String literal) {
            return word(Pattern.quote(literal), true);
        }

        /** The value not glued to letters or digits around it, in any letter case. */
        private static Pattern word(String regex, boolean ignoreCase) {
            return Pattern.compile("(?<![\\p{L}\\p{N}_])" + regex + "(?![\\p{L}\\p{N}_])",
                    ignoreCase ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0);
        }

        /** The text with every contact value masked; null stays null. */
        public String maskIn(String text) {
            if (text == null || text.isEmpty()) {
                return text;
            }
            String result = text;
            for (Map.Entry<Pattern, String> replacement : replacements) {
                result = replacement.getKey().matcher(result).replaceAll(Matcher.quoteReplacement(replacement.getValue()));
            }
            return result;
        }

        /** These contacts and another set's, masked together (an inquiry's own contact beside its customer's). */
        public Contacts and(Contacts other) {
            List<Map.Entry<Pattern, String>> all = new ArrayList<>(replacements);
            all.addAll(other.replacements);
            return new Contacts(all);
        }
    }
}

package com.harborcrm.pool;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.harborcrm.common.security.CurrentUser;
import com.harborcrm.common.security.Role;
import com.harborcrm.customer.Customer;
import com.harborcrm.customer.CustomerDtos.CustomerView;
import com.harborcrm.customer.TimelineService.TimelineEntry;
import com.harborcrm.pool.PoolDtos.PoolReturn;

/**
 * The one place where the pool shapes how customers are read: reps see pool customers' email and phone, mobile
 * and fax numbers masked while the rule {@code maskContacts} is on (managers and admins see them whole), and
 * every private customer carries its {@code poolReturn}. Every customer read (detail, lists, pool, timeline,
 * follow-ups) goes through here.
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

    /** Masks and times a page of customers with two queries at most (rules, timers), whatever its size. */
    public List<CustomerView> views(List<CustomerView> views) {
        PoolRules rules = rulesService.current();
        List<Long> owned = views.stream().filter(v -> v.ownerId() != null).map(CustomerView::id).toList();
        Map<Long, PoolReturn> returns = timer.returnsOf(owned, clock.instant(), rules);
        return masked(views.stream().map(v -> v.ownerId() == null ? v
                : v.withPoolView(v.email(), v.phone(), v.mobile(), v.fax(), returns.get(v.id()))).toList(), rules);
    }

    /** Masks a page whose private customers already carry their poolReturn (read with PoolTimer's SQL). */
    public List<CustomerView> masked(List<CustomerView> views, PoolRules rules) {
        boolean mask = views.stream().anyMatch(v -> v.ownerId() == null) && masksForCaller(rules);
        if (!mask) {
            return views;
        }
        return views.stream().map(v -> v.ownerId() != null ? v
                : v.withPoolView(maskEmail(v.email()), maskPhone(v.phone()), maskPhone(v.mobile()), maskPhone(v.fax()),
                        null)).toList();
    }

    /** A timeline entry of the customer, with its contacts masked out of texts if the caller may not see them. */
    public TimelineEntry mask(Customer customer, TimelineEntry entry) {
        if (customer.ownerId != null || !masksForCaller()) {
            return entry;
        }
        Map<String, Object> data = null;
        if (entry.data() != null) {
            data = new LinkedHashMap<>();
            for (Map.Entry<String, Object> member : entry.data().entrySet()) {
                data.put(member.getKey(), member.getValue() instanceof String text ? maskIn(customer, text)
                        : member.getValue());
            }
        }
        return new TimelineEntry(entry.kind(), entry.id(), entry.at(), entry.type(), entry.actorId(), entry.actorName(),
                maskIn(customer, entry.content()), entry.nextFollowUpAt(), data);
    }

    /** Whether the caller sees pool customers masked: reps, while the rule is on. */
    public boolean masksForCaller() {
        return masksForCaller(rulesService.current());
    }

    public boolean masksForCaller(PoolRules rules) {
        return currentUser.role() == Role.REP && rules.maskContacts();
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

    /** The text with the customer's own email and numbers masked in it. */
    public static String maskIn(Customer customer, String text) {
        if (text == null) {
            return null;
        }
        String result = text;
        if (customer.email != null) {
            result = result.replace(customer.email, maskEmail(customer.email));
        }
        for (String number : Stream.of(customer.phone, customer.mobile, customer.fax).filter(Objects::nonNull).toList()) {
            result = result.replace(number, maskPhone(number));
        }
        return result;
    }
}

package com.harborcrm.messaging;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import com.harborcrm.common.security.CurrentUser;
import com.harborcrm.common.tenancy.TenantContext;
import com.harborcrm.common.time.Instants;
import com.harborcrm.customer.CustomerService;
import com.harborcrm.messaging.MessagingDtos.ChannelConsent;
import com.harborcrm.messaging.MessagingDtos.ConsentView;
import com.harborcrm.messaging.MessagingDtos.UnsubscribeStatus;
import com.harborcrm.messaging.MessagingDtos.UpdateConsentRequest;

/** Consent per customer and channel: the one place that writes customer_consents. */
@ApplicationScoped
public class ConsentService {

    @Inject
    EntityManager em;

    @Inject
    TenantContext tenant;

    @Inject
    CurrentUser currentUser;

    @Inject
    Clock clock;

    @Inject
    CustomerService customers;

    public ConsentView get(long customerId) {
        customers.findVisible(customerId, LockModeType.NONE);
        return read(tenant.storeId(), customerId);
    }

    @Transactional
    public ConsentView update(long customerId, UpdateConsentRequest request) {
        customers.findEditable(customerId, LockModeType.NONE);
        ConsentSource source = currentUser.isApiKey() ? ConsentSource.API : ConsentSource.MANUAL;
        if (request.emailOptIn() != null) {
            write(tenant.storeId(), customerId, MessageChannel.EMAIL, request.emailOptIn(), source, currentUser.id());
        }
        if (request.smsOptIn() != null) {
            write(tenant.storeId(), customerId, MessageChannel.SMS, request.smsOptIn(), source, currentUser.id());
        }
        return read(tenant.storeId(), customerId);
    }

    /** Consent given for many customers at once (imports, the demo store): a customer with a consent keeps it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int recordMany(java.util.Collection<Long> customerIds, MessageChannel channel, boolean optedIn,
            ConsentSource source) {
        return em.createNativeQuery("""
                insert into customer_consents (store_id, customer_id, channel, opted_in, source, changed_at)
                select ?1, c.id, ?2, ?3, ?4, ?5 from customers c
                where c.store_id = ?1 and c.id = any(cast(?6 as bigint[]))
                on conflict (store_id, customer_id, channel) do nothing""")
                .setParameter(1, tenant.storeId()).setParameter(2, channel.name()).setParameter(3, optedIn)
                .setParameter(4, source.name()).setParameter(5, clock.instant())
                .setParameter(6, com.harborcrm.common.sql.SqlArrays.bigints(customerIds)).executeUpdate();
    }

    /** Records a consent as given; an unchanged one keeps its first source and time. */
    void write(long storeId, long customerId, MessageChannel channel, boolean optedIn, ConsentSource source, Long by) {
        em.createNativeQuery("""
                insert into customer_consents (store_id, customer_id, channel, opted_in, source, changed_at, changed_by)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7)
                on conflict (store_id, customer_id, channel) do update
                    set opted_in = excluded.opted_in, source = excluded.source, changed_at = excluded.changed_at,
                        changed_by = excluded.changed_by
                    where customer_consents.opted_in <> excluded.opted_in""")
                .setParameter(1, storeId).setParameter(2, customerId).setParameter(3, channel.name())
                .setParameter(4, optedIn).setParameter(5, source.name()).setParameter(6, clock.instant())
                .setParameter(7, by).executeUpdate();
    }

    ConsentView read(long storeId, long customerId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select channel, opted_in, source, changed_at from customer_consents "
                + "where store_id = ?1 and customer_id = ?2").setParameter(1, storeId).setParameter(2, customerId)
                .getResultList();
        ChannelConsent email = new ChannelConsent(null, null, null);
        ChannelConsent sms = new ChannelConsent(null, null, null);
        for (Object[] r : rows) {
            ChannelConsent c = new ChannelConsent((Boolean) r[1], ConsentSource.valueOf((String) r[2]), Instants.of(r[3]));
            if (MessageChannel.valueOf((String) r[0]) == MessageChannel.EMAIL) {
                email = c;
            } else {
                sms = c;
            }
        }
        return new ConsentView(email, sms);
    }

    /**
     * What an unsubscribe link is about, checked against the store's key: empty for a forged or stale token (a
     * deleted customer), which the caller answers as "not found". Runs with no one signed in and no store entered.
     */
    @Transactional
    public Optional<UnsubscribeStatus> unsubscribe(String token, boolean apply) {
        Optional<UnsubscribeLinks.Subject> claimed = UnsubscribeLinks.claimed(token);
        if (claimed.isEmpty()) {
            return Optional.empty();
        }
        UnsubscribeLinks.Subject subject = claimed.get();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select k.unsubscribe_key, s.name, c.email, c.mobile,
                       (select opted_in from customer_consents x where x.store_id = c.store_id and x.customer_id = c.id
                          and x.channel = ?3)
                from messaging_settings k join stores s on s.id = k.store_id
                join customers c on c.store_id = k.store_id and c.id = ?2
                where k.store_id = ?1""").setParameter(1, subject.storeId()).setParameter(2, subject.customerId())
                .setParameter(3, subject.channel().name()).getResultList();
        if (rows.isEmpty() || !UnsubscribeLinks.verify((byte[]) rows.get(0)[0], token, subject)) {
            return Optional.empty();
        }
        Object[] r = rows.get(0);
        boolean unsubscribed = Boolean.FALSE.equals(r[4]);
        if (apply && !unsubscribed) {
            write(subject.storeId(), subject.customerId(), subject.channel(), false, ConsentSource.UNSUBSCRIBE_LINK, null);
            unsubscribed = true;
        }
        String address = subject.channel() == MessageChannel.EMAIL ? (String) r[2] : (String) r[3];
        return Optional.of(new UnsubscribeStatus((String) r[1], subject.channel(), masked(address), unsubscribed));
    }

    /** "an***@example.com", "+86******5678": enough to recognise, not to harvest. */
    static String masked(String address) {
        if (address == null || address.isBlank()) {
            return "";
        }
        int at = address.indexOf('@');
        if (at > 0) {
            String local = address.substring(0, at);
            return local.substring(0, Math.min(2, local.length())) + "***" + address.substring(at);
        }
        int keep = Math.min(4, address.length() / 3);
        return address.substring(0, Math.min(3, address.length() - keep)) + "******"
                + address.substring(address.length() - keep);
    }
}

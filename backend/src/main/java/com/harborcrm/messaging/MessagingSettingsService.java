package com.harborcrm.messaging;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.harborcrm.account.AccountService;
import com.harborcrm.common.config.HarborConfig;
import com.harborcrm.common.error.DomainException;
import com.harborcrm.common.error.FieldError;
import com.harborcrm.common.error.ProblemType;
import com.harborcrm.common.security.SecretBox;
import com.harborcrm.common.tenancy.TenantContext;
import com.harborcrm.messaging.MessagingDtos.EmailSettingsInput;
import com.harborcrm.messaging.MessagingDtos.EmailSettingsView;
import com.harborcrm.messaging.MessagingDtos.InboundSecret;
import com.harborcrm.messaging.MessagingDtos.InboundView;
import com.harborcrm.messaging.MessagingDtos.SettingsView;
import com.harborcrm.messaging.MessagingDtos.SmsSettingsInput;
import com.harborcrm.messaging.MessagingDtos.SmsSettingsView;
import com.harborcrm.messaging.MessagingDtos.UpdateSettingsRequest;
import com.harborcrm.webhook.WebhookSignature;

/**
 * A store's channels. The row is made the first time anything asks for it, with the store's inbound endpoint name,
 * its unsubscribe key and the service principal automatic follow-ups are written by. Secrets go in sealed
 * ({@link SecretBox}) and never come out through the API.
 */
@ApplicationScoped
public class MessagingSettingsService {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** Everything a sender needs, secrets opened. */
    public record Channels(long storeId, boolean emailEnabled, String smtpHost, Integer smtpPort, SmtpSecurity security,
            String smtpUsername, Optional<String> smtpPassword, String fromAddress, String fromName, String replyTo,
            boolean smsEnabled, String smsBaseUrl, String smsAccount, Optional<String> smsToken, String smsFrom,
            int dailyEmailCap, int dailySmsCap, int campaignRatePerMinute, String hookKey, byte[] unsubscribeKey,
            long systemUserId, long version) {

        boolean emailReady() {
            return emailEnabled && smtpHost != null && smtpPort != null && fromAddress != null;
        }

        boolean smsReady() {
            return smsEnabled && smsBaseUrl != null && smsAccount != null && smsToken.isPresent() && smsFrom != null;
        }

        public boolean ready(MessageChannel channel) {
            return channel == MessageChannel.EMAIL ? emailReady() : smsReady();
        }

        public int dailyCap(MessageChannel channel) {
            return channel == MessageChannel.EMAIL ? dailyEmailCap : dailySmsCap;
        }

        /** Refuses to go on (409 messaging-channel-off) when the channel is not set up and switched on. */
        public void requireReady(MessageChannel channel) {
            if (!ready(channel)) {
                throw new DomainException(ProblemType.CHANNEL_NOT_CONFIGURED, (channel == MessageChannel.EMAIL
                        ? "E-mail" : "SMS") + " is not set up for this store: an admin sets it up under Settings → Messaging");
            }
        }
    }

    @Inject
    EntityManager em;

    @Inject
    TenantContext tenant;

    @Inject
    AccountService accounts;

    @Inject
    SecretBox secrets;

    @Inject
    HarborConfig config;

    @Inject
    Clock clock;

    /** The current store's channels; the row is made when missing. */
    @Transactional
    public Channels channels() {
        ensure();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select email_enabled, smtp_host, smtp_port, smtp_security, smtp_username, smtp_password, from_address,
                       from_name, reply_to, sms_enabled, sms_base_url, sms_account, sms_token, sms_from, daily_email_cap,
                       daily_sms_cap, campaign_rate_per_minute, hook_key, unsubscribe_key, system_user_id, version
                from messaging_settings where store_id = ?1""").setParameter(1, tenant.storeId()).getResultList();
        Object[] r = rows.get(0);
        return new Channels(tenant.storeId(), (Boolean) r[0], (String) r[1], (Integer) r[2],
                SmtpSecurity.valueOf((String) r[3]), (String) r[4], secrets.open((byte[]) r[5]), (String) r[6],
                (String) r[7], (String) r[8], (Boolean) r[9], (String) r[10], (String) r[11], secrets.open((byte[]) r[12]),
                (String) r[13], (Integer) r[14], (Integer) r[15], (Integer) r[16], (String) r[17], (byte[]) r[18],
                ((Number) r[19]).longValue(), ((Number) r[20]).longValue());
    }

    /** Makes the store's row once; a concurrent first call loses the insert race harmlessly. */
    void ensure() {
        Number exists = (Number) em.createNativeQuery("select count(*) from messaging_settings where store_id = ?1")
                .setParameter(1, tenant.storeId()).getSingleResult();
        if (exists.intValue() > 0) {
            return;
        }
        // Serialise first calls of one store, so that only one service principal is made.
        em.createNativeQuery("select id from stores where id = ?1 for update").setParameter(1, tenant.storeId())
                .getResultList();
        exists = (Number) em.createNativeQuery("select count(*) from messaging_settings where store_id = ?1")
                .setParameter(1, tenant.storeId()).getSingleResult();
        if (exists.intValue() > 0) {
            return;
        }
        long systemUser = accounts.createServicePrincipal("Harbor");
        byte[] unsubscribeKey = new byte[32];
        RANDOM.nextBytes(unsubscribeKey);
        byte[] hookKey = new byte[16];
        RANDOM.nextBytes(hookKey);
        String hook = HexFormat.of().formatHex(hookKey);
        em.createNativeQuery("""
                insert into messaging_settings (store_id, hook_key, unsubscribe_key, system_user_id, updated_at)
                values (?1, ?2, ?3, ?4, ?5)""")
                .setParameter(1, tenant.storeId()).setParameter(2, hook)
                .setParameter(3, unsubscribeKey).setParameter(4, systemUser).setParameter(5, clock.instant())
                .executeUpdate();
        em.createNativeQuery("insert into messaging_hooks (hook_key, store_id) values (?1, ?2)").setParameter(1, hook)
                .setParameter(2, tenant.storeId()).executeUpdate();
    }

    @Transactional
    public SettingsView view() {
        Channels c = channels();
        boolean emailSecret = ((Number) em.createNativeQuery(
                "select count(*) from messaging_settings where store_id = ?1 and hook_secret is not null")
                .setParameter(1, tenant.storeId()).getSingleResult()).intValue() > 0;
        return new SettingsView(
                new EmailSettingsView(c.emailEnabled(), c.smtpHost(), c.smtpPort(), c.security(), c.smtpUsername(),
                        c.smtpPassword().isPresent(), c.fromAddress(), c.fromName(), c.replyTo()),
                new SmsSettingsView(c.smsEnabled(), c.smsBaseUrl(), c.smsAccount(), c.smsToken().isPresent(), c.smsFrom()),
                c.dailyEmailCap(), c.dailySmsCap(), c.campaignRatePerMinute(),
                new InboundView(inboundUrl(c.hookKey(), "email"), inboundUrl(c.hookKey(), "sms"), emailSecret),
                secrets.configured(), c.version());
    }

    String inboundUrl(String hookKey, String kind) {
        return config.messaging().publicUrl().replaceAll("/+$", "") + "/api/v1/messaging/inbound/" + hookKey + "/" + kind;
    }

    /** Replaces the settings; a channel that is enabled must be complete. Every problem is reported at once. */
    @Transactional
    public SettingsView update(UpdateSettingsRequest request, Long expectedVersion) {
        Channels current = channels();
        if (expectedVersion != null && expectedVersion != current.version()) {
            throw new DomainException(ProblemType.PRECONDITION_FAILED,
                    "The messaging settings were changed by someone else: reload and try again");
        }
        EmailSettingsInput email = request.email();
        SmsSettingsInput sms = request.sms();
        List<FieldError> errors = new ArrayList<>();
        boolean passwordKept = email.password() == null;
        boolean tokenKept = sms.token() == null;
        if (email.enabled()) {
            requireText(errors, "email.host", email.host());
            if (email.port() == null) {
                errors.add(FieldError.required("email.port"));
            }
            requireText(errors, "email.fromAddress", email.fromAddress());
        }
        if (sms.enabled()) {
            requireText(errors, "sms.baseUrl", sms.baseUrl());
            requireText(errors, "sms.accountId", sms.accountId());
            requireText(errors, "sms.fromNumber", sms.fromNumber());
            if (tokenKept ? current.smsToken().isEmpty() : sms.token().isEmpty()) {
                errors.add(FieldError.required("sms.token"));
            }
        }
        if (sms.baseUrl() != null && sms.baseUrl().startsWith("http://") && !config.messaging().allowInsecure()) {
            errors.add(FieldError.of("sms.baseUrl", FieldError.Code.FORMAT, "must be an https:// URL"));
        }
        SmtpSecurity security = email.security() == null ? SmtpSecurity.STARTTLS : email.security();
        if (email.enabled() && security == SmtpSecurity.NONE && !config.messaging().allowInsecure()) {
            errors.add(FieldError.oneOf("email.security", new Object[] {SmtpSecurity.STARTTLS, SmtpSecurity.TLS}));
        }
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
        boolean sealPassword = !passwordKept && !email.password().isEmpty();
        boolean sealToken = !tokenKept && !sms.token().isEmpty();
        em.createNativeQuery("""
                update messaging_settings set email_enabled = :emailEnabled, smtp_host = :host, smtp_port = :port,
                    smtp_security = :security, smtp_username = :username,
                    smtp_password = case when :passwordKept then smtp_password else cast(:password as bytea) end,
                    from_address = :fromAddress, from_name = :fromName, reply_to = :replyTo,
                    sms_enabled = :smsEnabled, sms_base_url = :baseUrl, sms_account = :account,
                    sms_token = case when :tokenKept then sms_token else cast(:token as bytea) end,
                    sms_from = :smsFrom, daily_email_cap = :emailCap, daily_sms_cap = :smsCap,
                    campaign_rate_per_minute = :rate, updated_at = :now, version = version + 1
                where store_id = :store""")
                .setParameter("emailEnabled", email.enabled()).setParameter("host", blankToNull(email.host()))
                .setParameter("port", email.port()).setParameter("security", security.name())
                .setParameter("username", blankToNull(email.username())).setParameter("passwordKept", passwordKept)
                .setParameter("password", sealPassword ? secrets.seal(email.password()) : null)
                .setParameter("fromAddress", blankToNull(email.fromAddress()))
                .setParameter("fromName", blankToNull(email.fromName()))
                .setParameter("replyTo", blankToNull(email.replyTo())).setParameter("smsEnabled", sms.enabled())
                .setParameter("baseUrl", blankToNull(sms.baseUrl())).setParameter("account", blankToNull(sms.accountId()))
                .setParameter("tokenKept", tokenKept).setParameter("token", sealToken ? secrets.seal(sms.token()) : null)
                .setParameter("smsFrom", blankToNull(sms.fromNumber())).setParameter("emailCap", request.dailyEmailCap())
                .setParameter("smsCap", request.dailySmsCap()).setParameter("rate", request.campaignRatePerMinute())
                .setParameter("now", clock.instant()).setParameter("store", tenant.storeId()).executeUpdate();
        return view();
    }

    /** A new signing secret for inbound e-mail events, shown this once; the old one stops working. */
    @Transactional
    public InboundSecret rotateInboundSecret() {
        Channels c = channels();
        String secret = WebhookSignature.newSecret();
        em.createNativeQuery("update messaging_settings set hook_secret = ?1, updated_at = ?2, version = version + 1 "
                + "where store_id = ?3").setParameter(1, secrets.seal(secret)).setParameter(2, clock.instant())
                .setParameter(3, tenant.storeId()).executeUpdate();
        return new InboundSecret(secret, inboundUrl(c.hookKey(), "email"));
    }

    /** The store behind an inbound endpoint name, with its e-mail events secret; empty when there is none. */
    public Optional<InboundStore> byHookKey(String hookKey) {
        if (hookKey == null || !hookKey.matches("[0-9a-f]{32}")) {
            return Optional.empty();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select s.store_id, s.hook_secret, s.sms_token from messaging_hooks h "
                + "join messaging_settings s on s.store_id = h.store_id where h.hook_key = ?1")
                .setParameter(1, hookKey).getResultList();
        return rows.stream().findFirst().map(r -> new InboundStore(((Number) r[0]).longValue(),
                secrets.open((byte[]) r[1]), secrets.open((byte[]) r[2])));
    }

    public record InboundStore(long storeId, Optional<String> emailSecret, Optional<String> smsToken) {
    }

    private static void requireText(List<FieldError> errors, String field, String value) {
        if (value == null || value.isBlank()) {
            errors.add(FieldError.required(field));
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}

package com.harborcrm.digest;

import java.time.Clock;
import java.time.LocalTime;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.Pattern;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.harborcrm.account.StoreLanguage;
import com.harborcrm.common.security.CurrentUser;
import com.harborcrm.common.tenancy.TenantContext;

/** A person's notification settings: the daily digest (on or off, at what time of the store's day) and its language. */
@ApplicationScoped
public class NotificationSettingsService {

    public static final LocalTime DEFAULT_TIME = LocalTime.of(8, 0);

    @Inject
    EntityManager em;

    @Inject
    TenantContext tenant;

    @Inject
    CurrentUser currentUser;

    @Inject
    Clock clock;

    @Schema(name = "NotificationSettings")
    public record Settings(
            @Schema(required = true, description = "Send the daily digest e-mail (default on)") boolean digestEnabled,
            @Schema(required = true, description = "When, in the store's time zone (HH:mm, default 08:00)",
                    examples = "08:00") String digestTime,
            @Schema(nullable = true, description = "The digest's language; null: the store's") StoreLanguage language,
            @Schema(required = true, description = "Whether the store's e-mail channel is set up: without it no "
                    + "digest goes out") boolean emailReady) {
    }

    @Schema(name = "UpdateNotificationSettingsRequest", description = "Members present change; language null: the store's")
    public record Update(Boolean digestEnabled,
            @Pattern(regexp = "([01][0-9]|2[0-3]):[0-5][0-9]", message = "must be a time of day such as 08:00")
            @Schema(pattern = "^([01][0-9]|2[0-3]):[0-5][0-9]$", maxLength = 5, examples = "07:30") String digestTime,
            StoreLanguage language) {
    }

    public Settings mine() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select np.digest_enabled, to_char(np.digest_time, 'HH24:MI'), np.language,
                       coalesce((select email_enabled from messaging_settings m where m.store_id = ?1), false)
                from (select 1) one
                left join notification_preferences np on np.store_id = ?1 and np.user_id = ?2""")
                .setParameter(1, tenant.storeId()).setParameter(2, currentUser.id()).getResultList();
        Object[] r = rows.get(0);
        return new Settings(r[0] == null || Boolean.TRUE.equals(r[0]),
                r[1] == null ? DEFAULT_TIME.toString() : (String) r[1],
                r[2] == null ? null : StoreLanguage.of((String) r[2]), Boolean.TRUE.equals(r[3]));
    }

    @Transactional
    public Settings update(Update update, boolean languageGiven) {
        Settings current = mine();
        boolean enabled = update.digestEnabled() == null ? current.digestEnabled() : update.digestEnabled();
        String time = update.digestTime() == null ? current.digestTime() : update.digestTime();
        StoreLanguage language = languageGiven ? update.language() : current.language();
        em.createNativeQuery("""
                insert into notification_preferences (store_id, user_id, digest_enabled, digest_time, language, updated_at)
                values (?1, ?2, ?3, cast(?4 as time), ?5, ?6)
                on conflict (store_id, user_id) do update set digest_enabled = excluded.digest_enabled,
                    digest_time = excluded.digest_time, language = excluded.language, updated_at = excluded.updated_at""")
                .setParameter(1, tenant.storeId()).setParameter(2, currentUser.id()).setParameter(3, enabled)
                .setParameter(4, time).setParameter(5, language == null ? null : language.tag())
                .setParameter(6, clock.instant()).executeUpdate();
        return mine();
    }
}

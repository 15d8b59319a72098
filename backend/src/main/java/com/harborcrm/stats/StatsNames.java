package com.harborcrm.stats;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.harborcrm.common.security.Role;
import com.harborcrm.stats.StatsDatabase.Row;

/** Names the reports show next to ids: the store's reasons, users and pools, read through the statistics datasource. */
@ApplicationScoped
public class StatsNames {

    @Inject
    StatsDatabase db;

    public record Reason(String name, boolean archived) {
    }

    public record User(long id, String name, Role role, boolean active) {
    }

    public Map<Long, Reason> reasons(long store) {
        Map<Long, Reason> result = new LinkedHashMap<>();
        for (Row r : db.query("select id, name, archived from lost_reasons where store_id = ? order by position, id", store)) {
            result.put(r.getLong(0), new Reason(r.getString(1), (Boolean) r.values()[2]));
        }
        return result;
    }

    /** The store's people by name (then id): API keys' service users are no reps. */
    public Map<Long, User> userList(long store) {
        Map<Long, User> result = new LinkedHashMap<>();
        for (Row r : db.query("select id, name, role, active from users where store_id = ? and not service order by lower(name), id", store)) {
            result.put(r.getLong(0), new User(r.getLong(0), r.getString(1), Role.valueOf(r.getString(2)),
                    (Boolean) r.values()[3]));
        }
        return result;
    }

    /** The store's pools by id (a deleted pool's churn keeps its id, shown as the id). */
    public Map<Long, String> pools(long store) {
        Map<Long, String> result = new LinkedHashMap<>();
        for (Row r : db.query("select id, name from pools where store_id = ? order by id", store)) {
            result.put(r.getLong(0), r.getString(1));
        }
        return result;
    }

    public Map<Long, String> users(long store) {
        Map<Long, String> result = new LinkedHashMap<>();
        userList(store).forEach((id, u) -> result.put(id, u.name()));
        return result;
    }
}

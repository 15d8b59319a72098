package com.harborcrm.pool;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Who may see one pool (V94): everyone, or its member users and the users of its member teams. {@code teamKeys}
 * are lower-cased by PostgreSQL, as the user's team it is compared with.
 */
record PoolAccessRow(long id, boolean everyone, Set<Long> memberIds, Set<String> teamKeys) {

    private static final ObjectMapper JSON = new ObjectMapper();

    boolean visibleTo(long userId, String teamKey) {
        return everyone || memberIds.contains(userId) || (teamKey != null && teamKeys.contains(teamKey));
    }

    /** "3,5,8" as string_agg writes member ids; null: none. */
    static Set<Long> ids(String commaSeparated) {
        return commaSeparated == null ? Set.of()
                : Arrays.stream(commaSeparated.split(",")).map(Long::valueOf).collect(Collectors.toUnmodifiableSet());
    }

    /** A JSON array of team names (a team may hold a comma); null: none. */
    static Set<String> teams(String jsonArray) {
        if (jsonArray == null) {
            return Set.of();
        }
        try {
            return Set.of(JSON.readValue(jsonArray, String[].class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable team list from the database: " + jsonArray, e);
        }
    }
}

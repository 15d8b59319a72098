package com.harborcrm.pool;

import java.util.Set;

/**
 * Who may see one pool (V94): everyone, or its member users and the users of its member teams. {@code teamKeys}
 * are lower-cased by PostgreSQL, as the user's team it is compared with.
 */
record PoolAccessRow(long id, boolean everyone, Set<Long> memberIds, Set<String> teamKeys) {

    boolean visibleTo(long userId, String teamKey) {
        return everyone || memberIds.contains(userId) || (teamKey != null && teamKeys.contains(teamKey));
    }
}

package com.harborcrm.common.sql;

import java.util.Collection;
import java.util.stream.Collectors;

/** Id lists bound as one PostgreSQL array literal ({@code = any(cast(:ids as bigint[]))}): one parameter, one plan. */
public final class SqlArrays {

    private SqlArrays() {
    }

    public static String bigints(Collection<Long> ids) {
        return ids.stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}"));
    }
}

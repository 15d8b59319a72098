package com.harborcrm.common.sql;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/** Lists bound as one PostgreSQL array literal ({@code = any(cast(:ids as bigint[]))}): one parameter, one plan. */
public final class SqlArrays {

    private SqlArrays() {
    }

    public static String bigints(Collection<Long> ids) {
        return ids.stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}"));
    }

    /** A text[] literal ({@code cast(:values as text[])}), each element quoted and escaped. */
    public static String texts(Collection<String> values) {
        return values.stream().map(v -> '"' + v.replace("\\", "\\\\").replace("\"", "\\\"") + '"')
                .collect(Collectors.joining(",", "{", "}"));
    }

    /** A bigint[] read as text ("{3,7}") as ids. */
    public static List<Long> bigintsOf(String array) {
        String inner = array.substring(1, array.length() - 1).trim();
        return inner.isEmpty() ? List.of() : Arrays.stream(inner.split(",")).map(String::trim).map(Long::valueOf).toList();
    }
}

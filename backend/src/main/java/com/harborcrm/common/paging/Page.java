package com.harborcrm.common.paging;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One page of a list: {@code nextCursor} is null on the last page; {@code total} only when asked for, and
 * {@code totalCapped} true when it was counted up to a bound that the matches exceed (see {@link TotalCount}).
 */
@RegisterForReflection
public record Page<T>(List<T> items, String nextCursor, @JsonInclude(JsonInclude.Include.NON_NULL) Long total,
        @JsonInclude(JsonInclude.Include.NON_NULL) Boolean totalCapped) {

    public Page(List<T> items, String nextCursor, Long total) {
        this(items, nextCursor, total, null);
    }

    public static <T> Page<T> of(List<T> items, String nextCursor) {
        return new Page<>(items, nextCursor, null);
    }
}

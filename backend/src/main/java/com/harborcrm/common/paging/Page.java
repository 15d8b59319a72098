package com.harborcrm.common.paging;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/** One page of a list: {@code nextCursor} is null on the last page; {@code total} only when asked for. */
@RegisterForReflection
public record Page<T>(List<T> items, String nextCursor, @JsonInclude(JsonInclude.Include.NON_NULL) Long total) {

    public static <T> Page<T> of(List<T> items, String nextCursor) {
        return new Page<>(items, nextCursor, null);
    }
}

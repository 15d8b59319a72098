package com.harborcrm.followup;

import java.util.Arrays;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import com.harborcrm.activity.ActivitySource;

/** Follow-ups in the team activity feed: every call, e-mail, meeting... by its author, searchable by content. */
@ApplicationScoped
public class FollowUpActivity implements ActivitySource {

    private static final Table TABLE = new Table("FOLLOW_UP", "follow_ups f", null, "f.id", "f.occurred_at", "f.type",
            "f.author_id", "f.customer_id", "f.content", "null::text",
            Arrays.stream(FollowUpType.values()).map(Enum::name).collect(Collectors.toUnmodifiableSet()));

    @Override
    public Table table() {
        return TABLE;
    }
}

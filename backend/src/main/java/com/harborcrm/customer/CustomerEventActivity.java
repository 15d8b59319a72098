package com.harborcrm.customer;

import java.util.Arrays;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import com.harborcrm.activity.ActivitySource;

/**
 * The customer event log in the team activity feed: stage changes, claims, assignments, releases, returns, losses,
 * inquiries... An import's IMPORTED events are the import's, not activity (and stay out of the feed's indexes).
 */
@ApplicationScoped
public class CustomerEventActivity implements ActivitySource {

    private static final Table TABLE = new Table("EVENT", "customer_events e", "e.type <> 'IMPORTED'", "e.id", "e.at",
            "e.type", "e.actor_id", "e.customer_id", null, "e.data::text",
            Arrays.stream(CustomerEventType.values()).filter(t -> t != CustomerEventType.IMPORTED).map(Enum::name)
                    .collect(Collectors.toUnmodifiableSet()));

    @Override
    public Table table() {
        return TABLE;
    }
}

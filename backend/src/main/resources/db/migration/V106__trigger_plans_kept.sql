-- Every trigger function keeps its plans (issue 21 item 1, finished). The datasource plans every statement per call
-- (plan_cache_mode = force_custom_plan, for the screening queries whose best plan depends on the values), and a
-- trigger's statements inherit that setting unless the function sets its own: a per-row trigger then plans its
-- statements again for every row. V77, V78 and V95 gave their functions plan_cache_mode = auto; these were left.
-- Measured on 5,000 automatic assignments (one statement): customer_owners_sales_owner 111 ms under the datasource's
-- setting, 18 ms with its plan kept (bench/RESULTS.md). Each of these looks rows up by key, so the plan that the
-- first calls settle on serves every later one. TriggerPlansTest
-- keeps new trigger functions to the rule.
alter function customer_owners_sales_owner() set plan_cache_mode = auto;
alter function customer_sales_facts() set plan_cache_mode = auto;
alter function customers_search_update() set plan_cache_mode = auto;
alter function customers_search_insert() set plan_cache_mode = auto;
alter function customer_events_plans() set plan_cache_mode = auto;
alter function webhook_customer_deletions() set plan_cache_mode = auto;
alter function webhook_customer_events() set plan_cache_mode = auto;
alter function webhook_fan_out() set plan_cache_mode = auto;
alter function webhook_follow_ups() set plan_cache_mode = auto;
alter function webhook_import_finished() set plan_cache_mode = auto;
alter function webhook_message_delivered() set plan_cache_mode = auto;
alter function webhook_order_paid() set plan_cache_mode = auto;
alter function orders_conversion_flag() set plan_cache_mode = auto;
alter function orders_open_deals() set plan_cache_mode = auto;
alter function orders_quotation_facts() set plan_cache_mode = auto;
alter function orders_release_on_delete() set plan_cache_mode = auto;
alter function orders_sales_facts() set plan_cache_mode = auto;
alter function notify_cache_change() set plan_cache_mode = auto;
alter function pools_distribution_row() set plan_cache_mode = auto;
alter function pools_rules_copy() set plan_cache_mode = auto;
alter function stores_default_pool() set plan_cache_mode = auto;

-- Stage is the first thing reps screen by ("my inquiries, best first"): without this index a stage filter
-- sorted by score walks the whole score index of a large store until it has found a page.
create index customers_stage_score on customers (store_id, stage, potential_score desc, id desc);

-- Purpose: where a linked figure stands in the Sources page's list (same filters and order
--          as sources_page.sql: list_order), so the page holding it opens; no row when the
--          figure does not match the filters.
-- Grain: one row (or none).
-- Parameters: $provinces (list of province_id), $year_from, $year_to (integers),
--             $families (list of family; empty list = all), $search (text; '' = all),
--             $fact (fact_id).
-- Columns: position
with matching as (
    select fact_id, list_order
    from matching_figures($provinces, $year_from, $year_to, $families, $search)
),
linked as (
    select list_order from matching where fact_id = $fact
)
select count(*) filter (where m.list_order < l.list_order) as position
from linked l, matching m
group by l.list_order

-- Purpose: where a linked figure stands in the Sources page's list (same filters and order
--          as sources_page.sql), so the page holding it opens; no row when it does not match.
-- Grain: one row (or none).
-- Parameters: $provinces (list of province_id), $year_from, $year_to (integers),
--             $families (list of family; empty list = all), $search (text; '' = all),
--             $fact (fact_id).
-- Columns: position
with ordered as (
    select fact_id,
           row_number() over (
               order by province_id, family, indicator_id, period_end desc, fact_id
           ) - 1 as position
    from matching_figures($provinces, $year_from, $year_to, $families, $search)
)
select position
from ordered
where fact_id = $fact

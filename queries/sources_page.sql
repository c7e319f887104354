-- Purpose: one page of the Sources page's list: the figures matching its filters (the macro
--          in queries/staging/matching_figures.sql), with what the table, the figure picker
--          and the sentence in context show; fact_id breaks ties so pages never overlap.
-- Grain: one row per fact, at most $page_size rows.
-- Parameters: $provinces (list of province_id), $year_from, $year_to (integers),
--             $families (list of family; empty list = all), $search (text; '' = all),
--             $page_size, $page_offset (integers: rows per page, rows before this page).
-- Columns: fact_id, province_id, indicator_id, indicator_name_en, indicator_name_vi, kind,
--          breakdown, partner, value, unit, qualifier, period_start, period_end, status,
--          uncertain, uncertain_reason, superseded_by, source_id, publisher, quote, gloss_en
select fact_id, province_id, indicator_id, indicator_name_en, indicator_name_vi, kind,
       breakdown, partner, value, unit, qualifier, period_start, period_end, status,
       uncertain, uncertain_reason, superseded_by, source_id, publisher, quote, gloss_en,
       uncertain_reason_vi, publisher_vi, gloss_vi
from matching_figures($provinces, $year_from, $year_to, $families, $search)
order by province_id, family, indicator_id, period_end desc, fact_id
limit $page_size offset $page_offset

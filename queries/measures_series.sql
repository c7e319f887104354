-- Purpose: every figure of one or more measures for the chosen places and years: the
--          Compare chart and a measure's slide (one measure), the Trade panels (several,
--          each in its own labelled panel or legend). Targets and projections are returned
--          flagged by `status`, never mixed silently; superseded figures (an estimate
--          replaced by a final figure) are left out.
-- Grain: one row per fact.
-- Parameters: $indicators (list of indicator_id), $provinces (list of province_id),
--             $year_from, $year_to (integers).
-- Columns: fact_id, province_id, indicator_id, indicator_name_en, indicator_name_vi,
--          kind, breakdown, partner, value, unit, qualifier, period_start, period_end,
--          status, uncertain, uncertain_reason, derived_from, source_id, publisher,
--          published_date, title, url, quote, gloss_en
select fact_id, province_id, indicator_id, indicator_name_en, indicator_name_vi, kind,
       breakdown, partner, value, unit, qualifier, period_start, period_end, status,
       uncertain, uncertain_reason, derived_from, source_id, publisher, published_date,
       title, url, quote, gloss_en, publisher_vi, title_vi, uncertain_reason_vi, gloss_vi
from figures
where list_contains($indicators, indicator_id)
  and list_contains($provinces, province_id)
  and start_year <= $year_to
  and end_year >= $year_from
  and superseded_by is null
order by indicator_id, province_id, breakdown nulls first, period_end, period_start

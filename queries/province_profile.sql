-- Purpose: every figure of one place within the chosen years (profile page), by family.
-- Grain: one row per fact.
-- Parameters: $province (province_id), $year_from, $year_to (integers).
-- Columns: fact_id, family, indicator_id, indicator_name_en, indicator_name_vi, kind,
--          breakdown, partner, value, unit, qualifier, period_start, period_end, status,
--          uncertain, uncertain_reason, superseded_by, source_id, publisher,
--          published_date, quote, gloss_en
select fact_id, family, indicator_id, indicator_name_en, indicator_name_vi, kind,
       breakdown, partner, value, unit, qualifier, period_start, period_end, status,
       uncertain, uncertain_reason, superseded_by, source_id, publisher, published_date,
       quote, gloss_en, publisher_vi, uncertain_reason_vi, gloss_vi
from figures
where province_id = $province
  and start_year <= $year_to
  and end_year >= $year_from
order by family, indicator_id, breakdown nulls first, period_end desc

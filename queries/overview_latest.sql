-- Purpose: for the Overview tiles, the most recent published result of each indicator
--          (and each breakdown of it) per place, within the chosen years.
-- Grain: one row per province x indicator x breakdown.
-- Parameters: $provinces (list of province_id), $year_from, $year_to (integers).
-- Columns: fact_id, province_id, family, indicator_id, indicator_name_en,
--          indicator_name_vi, kind, breakdown, partner, value, unit, qualifier,
--          period_start, period_end, uncertain, uncertain_reason, source_id, publisher,
--          published_date

-- "Latest" is precomputed per data version (queries/staging/latest_results.sql): a result
-- is the latest one starting by $year_to when no newer one does.
select fact_id, province_id, family, indicator_id, indicator_name_en, indicator_name_vi,
       kind, breakdown, partner, value, unit, qualifier, period_start, period_end,
       uncertain, uncertain_reason, source_id, publisher, published_date,
       uncertain_reason_vi, publisher_vi
from latest_results
where list_contains($provinces, province_id)
  and start_year <= $year_to
  and end_year >= $year_from
  and (newer_start_year is null or newer_start_year > $year_to)
order by family, indicator_id, breakdown nulls first, province_id

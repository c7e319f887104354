-- Purpose: the candidate figures for the Overview's questions: every published figure
--          (results, targets and projections, flagged) of the given measures for the chosen
--          places and years, totals only (no breakdown, no partner), computed figures left out.
-- Grain: one row per fact.
-- Parameters: $indicators (list of indicator_id), $provinces (list of province_id),
--             $year_from, $year_to (integers).
-- Columns: fact_id, province_id, indicator_id, family, kind, value, unit, qualifier,
--          period_start, period_end, status, uncertain, uncertain_reason, source_id,
--          publisher, published_date
select fact_id, province_id, indicator_id, family, kind, value, unit, qualifier,
       period_start, period_end, status, coalesce(uncertain, false) as uncertain,
       uncertain_reason, source_id, publisher, published_date, uncertain_reason_vi,
       publisher_vi
from figures
where list_contains($indicators, indicator_id)
  and list_contains($provinces, province_id)
  and start_year <= $year_to
  and end_year >= $year_from
  and superseded_by is null
  and derived_from is null
  and coalesce(breakdown, '') = ''
  and coalesce(partner, '') = ''
order by province_id, indicator_id, period_end desc, period_start desc, fact_id

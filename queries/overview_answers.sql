-- Purpose: the candidate figures for the Overview's questions: every published figure
--          (results, targets and projections, flagged) of the given measures for the chosen
--          places and years, totals only (no breakdown, no partner), computed figures left out.
-- Grain: one row per fact.
-- Parameters: $indicators (list of indicator_id), $provinces (list of province_id),
--             $year_from, $year_to (integers).
-- Columns: fact_id, province_id, indicator_id, family, kind, value, unit, qualifier,
--          period_start, period_end, status, uncertain, uncertain_reason, source_id,
--          publisher, published_date
select f.fact_id, f.province_id, f.indicator_id, i.family, i.kind, f.value, f.unit,
       f.qualifier, f.period_start, f.period_end, f.status, coalesce(f.uncertain, false) as uncertain,
       f.uncertain_reason, f.source_id, s.publisher, s.published_date
from facts f
join indicators i using (indicator_id)
join sources s using (source_id)
where list_contains($indicators, f.indicator_id)
  and list_contains($provinces, f.province_id)
  and year(f.period_start) <= $year_to
  and year(f.period_end) >= $year_from
  and f.superseded_by is null
  and f.derived_from is null
  and coalesce(f.breakdown, '') = ''
  and coalesce(f.partner, '') = ''
order by f.province_id, f.indicator_id, f.period_end desc, f.period_start desc, f.fact_id

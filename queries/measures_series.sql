-- Purpose: every figure of several measures for the chosen places and years, for charts
--          that show measures side by side (each in its own labelled panel or legend).
-- Grain: one row per fact.
-- Parameters: $indicators (list of indicator_id), $provinces (list of province_id),
--             $year_from, $year_to (integers).
-- Columns: fact_id, province_id, indicator_id, indicator_name_en, indicator_name_vi,
--          kind, breakdown, partner, value, unit, qualifier, period_start, period_end,
--          status, uncertain, uncertain_reason, derived_from, source_id, publisher,
--          published_date, title, url, quote,
--          gloss_en
select f.fact_id, f.province_id, f.indicator_id, i.name_en as indicator_name_en,
       i.name_vi as indicator_name_vi, i.kind, f.breakdown, f.partner, f.value, f.unit,
       f.qualifier, f.period_start, f.period_end, f.status, f.uncertain,
       f.uncertain_reason, f.derived_from, f.source_id, s.publisher, s.published_date,
       s.title, s.url, f.quote, f.gloss_en
from facts f
join indicators i using (indicator_id)
join sources s using (source_id)
where list_contains($indicators, f.indicator_id)
  and list_contains($provinces, f.province_id)
  and year(f.period_start) <= $year_to
  and year(f.period_end) >= $year_from
  and f.superseded_by is null
order by f.indicator_id, f.province_id, f.breakdown nulls first, f.period_end

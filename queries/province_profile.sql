-- Purpose: every figure of one place within the chosen years (profile page), by family.
-- Grain: one row per fact.
-- Parameters: $province (province_id), $year_from, $year_to (integers).
-- Columns: fact_id, family, indicator_id, indicator_name_en, indicator_name_vi, kind,
--          breakdown, partner, value, unit, qualifier, period_start, period_end, status,
--          uncertain, uncertain_reason, superseded_by, source_id, publisher,
--          published_date, quote, gloss_en
select f.fact_id, i.family, f.indicator_id, i.name_en as indicator_name_en,
       i.name_vi as indicator_name_vi, i.kind, f.breakdown, f.partner, f.value, f.unit,
       f.qualifier, f.period_start, f.period_end, f.status, f.uncertain,
       f.uncertain_reason, f.superseded_by, f.source_id, s.publisher, s.published_date,
       f.quote, f.gloss_en
from facts f
join indicators i using (indicator_id)
join sources s using (source_id)
where f.province_id = $province
  and year(f.period_start) <= $year_to
  and year(f.period_end) >= $year_from
order by i.family, f.indicator_id, f.breakdown nulls first, f.period_end desc

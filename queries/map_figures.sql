-- Purpose: published provincial totals of every measure, for the Partners page's choropleth
--          (a map shades provinces only by reported, current figures of the whole measure:
--          no targets, no superseded estimates, no parts, no national totals).
-- Grain: one row per fact.
-- Parameters: $provinces (list of province_id), $year_from, $year_to (integers).
-- Columns: fact_id, province_id, indicator_id, indicator_name_en, indicator_name_vi,
--          family, kind, breakdown, value, unit, qualifier, period_start, period_end,
--          status, uncertain, source_id, publisher, published_date, quote
select f.fact_id, f.province_id, f.indicator_id, i.name_en as indicator_name_en,
       i.name_vi as indicator_name_vi, i.family, i.kind, f.breakdown, f.value, f.unit,
       f.qualifier, f.period_start, f.period_end, f.status, f.uncertain, f.source_id,
       s.publisher, s.published_date, f.quote
from facts f
join indicators i using (indicator_id)
join sources s using (source_id)
join provinces p using (province_id)
where list_contains($provinces, f.province_id)
  and p.level = 'province'
  and f.status = 'reported'
  and f.superseded_by is null
  and (f.breakdown is null or f.breakdown = '')
  and year(f.period_start) <= $year_to
  and year(f.period_end) >= $year_from
order by f.indicator_id, f.period_end, f.province_id

-- Purpose: published provincial totals of every measure, for the Partners page's choropleth
--          (a map shades provinces only by reported, current figures of the whole measure:
--          no targets, no superseded estimates, no parts, no national totals).
-- Grain: one row per fact.
-- Parameters: $provinces (list of province_id), $year_from, $year_to (integers).
-- Columns: fact_id, province_id, indicator_id, indicator_name_en, indicator_name_vi,
--          family, kind, breakdown, value, unit, qualifier, period_start, period_end,
--          status, uncertain, source_id, publisher, published_date, quote
select fact_id, province_id, indicator_id, indicator_name_en, indicator_name_vi, family,
       kind, breakdown, value, unit, qualifier, period_start, period_end, status,
       uncertain, source_id, publisher, published_date, quote, publisher_vi
from figures
where list_contains($provinces, province_id)
  and province_level = 'province'
  and status = 'reported'
  and superseded_by is null
  and (breakdown is null or breakdown = '')
  and unit <> 'rank'  -- a rank does not shade a map (lower is better)
  and start_year <= $year_to
  and end_year >= $year_from
order by indicator_id, period_end, province_id

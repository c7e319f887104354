-- Purpose: published provincial totals of one measure, for the Partners page's choropleth
--          (a map shades provinces only by reported, current figures of the whole measure:
--          no targets, no superseded estimates, no parts, no national totals), with what
--          its shading, hover and labels show; the page picks a period among them.
-- Grain: one row per fact.
-- Parameters: $indicator (indicator_id), $provinces (list of province_id), $year_from,
--             $year_to (integers).
-- Columns: fact_id, province_id, indicator_id, kind, value, unit, qualifier, period_start,
--          period_end, publisher, quote
select fact_id, province_id, indicator_id, kind, value, unit, qualifier, period_start,
       period_end, publisher, quote, publisher_vi
from figures
where indicator_id = $indicator
  and list_contains($provinces, province_id)
  and province_level = 'province'
  and status = 'reported'
  and superseded_by is null
  and (breakdown is null or breakdown = '')
  and unit <> 'rank'  -- a rank does not shade a map (lower is better)
  and start_year <= $year_to
  and end_year >= $year_from
order by period_end, province_id, fact_id

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
from map_shading($provinces, $year_from, $year_to)
where indicator_id = $indicator
order by period_end, province_id, fact_id

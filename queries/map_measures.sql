-- Purpose: the measures the Partners page's choropleth can shade, those covering the most
--          provinces first: measures with published provincial totals (reported, current
--          figures of the whole measure: no targets, no superseded estimates, no parts, no
--          national totals, no ranks) in the chosen places and years. The page then asks
--          for one measure's figures (map_figures.sql), not every measure's.
-- Grain: one row per indicator.
-- Parameters: $provinces (list of province_id), $year_from, $year_to (integers).
-- Columns: indicator_id, provinces
select indicator_id, count(distinct province_id) as provinces
from figures
where list_contains($provinces, province_id)
  and province_level = 'province'
  and status = 'reported'
  and superseded_by is null
  and (breakdown is null or breakdown = '')
  and unit <> 'rank'  -- a rank does not shade a map (lower is better)
  and start_year <= $year_to
  and end_year >= $year_from
group by indicator_id
order by provinces desc, indicator_id

-- Purpose: the measures the Partners page's choropleth can shade, those covering the most
--          provinces first: measures with published provincial totals (reported, current
--          figures of the whole measure: no targets, no superseded estimates, no parts, no
--          national totals, no ranks) in the chosen places and years. The page then asks
--          for one measure's figures (map_figures.sql), not every measure's.
-- Grain: one row per indicator.
-- Parameters: $provinces (list of province_id), $year_from, $year_to (integers).
-- Columns: indicator_id, provinces
select indicator_id, count(distinct province_id) as provinces
from map_shading($provinces, $year_from, $year_to)
group by indicator_id
order by provinces desc, indicator_id

-- Purpose: the table macro `map_shading(provinces, year_from, year_to)`: the figures that can
--          shade a province on the Partners page's map, written once for the list of
--          measures (map_measures.sql) and the chosen measure's figures (map_figures.sql):
--          provinces only (not the nation), reported and current, no breakdown, no ranks (a
--          rank does not shade a map: lower is better), periods overlapping the years.
-- Grain: one row per fact.
-- Parameters: none (the macro's arguments are the callers' bound parameters).
-- Columns: those of `figures`.
create or replace macro map_shading(provinces, year_from, year_to) as table
select *
from figures
where list_contains(provinces, province_id)
  and province_level = 'province'
  and status = 'reported'
  and superseded_by is null
  and (breakdown is null or breakdown = '')
  and unit <> 'rank'
  and start_year <= year_to
  and end_year >= year_from;

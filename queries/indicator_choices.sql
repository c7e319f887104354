-- Purpose: the indicators that have at least one figure for the chosen places and years,
--          for the Compare page's indicator picker.
-- Grain: one row per indicator.
-- Parameters: $provinces (list of province_id), $year_from, $year_to (integers).
-- Columns: indicator_id, family, name_en, name_vi, unit, kind, figures, places
with in_view as (
    select indicator_id, count(*) as figures, count(distinct province_id) as places
    from figures
    where list_contains($provinces, province_id)
      and start_year <= $year_to
      and end_year >= $year_from
      and superseded_by is null
    group by indicator_id
)
select i.indicator_id, i.family, i.name_en, i.name_vi, i.unit, i.kind, v.figures, v.places
from in_view v
join indicators i using (indicator_id)
where i.unit <> 'rank'  -- ranks are listed with their sentences, never charted (ranks.sql)
order by v.places desc, v.figures desc, i.indicator_id

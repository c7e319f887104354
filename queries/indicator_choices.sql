-- Purpose: the indicators that have at least one figure for the chosen places and years,
--          for the Compare page's indicator picker.
-- Grain: one row per indicator.
-- Parameters: $provinces (list of province_id), $year_from, $year_to (integers).
-- Columns: indicator_id, family, name_en, name_vi, unit, kind, figures, places
select i.indicator_id, i.family, i.name_en, i.name_vi, i.unit, i.kind,
       count(*) as figures, count(distinct f.province_id) as places
from facts f
join indicators i using (indicator_id)
where list_contains($provinces, f.province_id)
  and year(f.period_start) <= $year_to
  and year(f.period_end) >= $year_from
  and f.superseded_by is null
  and i.unit <> 'rank'  -- ranks are listed with their sentences, never charted (ranks.sql)
group by all
order by places desc, figures desc, i.indicator_id

-- Purpose: which of the chosen places and years have figures of each measure, for Compare's
--          measure picker (grouped by family, ordered by coverage) and for choosing the
--          family's measures to show side by side when places publish different ones.
-- Grain: one row per indicator x province x year of period end with a current figure in
--        the selection; an indicator with none there has one row with nulls (listed, marked).
-- Parameters: $provinces (list of province_id), $year_from, $year_to (integers).
-- Columns: indicator_id, family, unit, kind, province_id, year, figures, reported
with in_view as (
    select indicator_id, province_id, end_year as year,
           count(*) as figures,
           count(*) filter (where status = 'reported') as reported
    from figures
    where list_contains($provinces, province_id)
      and start_year <= $year_to
      and end_year >= $year_from
      and superseded_by is null
    group by all
)
select i.indicator_id, i.family, i.unit, i.kind, v.province_id, v.year,
       coalesce(v.figures, 0) as figures, coalesce(v.reported, 0) as reported
from indicators i
left join in_view v using (indicator_id)
where i.unit <> 'rank'  -- ranks are listed with their sentences, never charted (ranks.sql)
order by i.family, i.indicator_id, v.province_id, v.year

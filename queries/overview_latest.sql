-- Purpose: for the Overview tiles, the most recent published result of each indicator
--          (and each breakdown of it) per place, within the chosen years.
-- Grain: one row per province x indicator x breakdown.
-- Parameters: $provinces (list of province_id), $year_from, $year_to (integers).
-- Columns: fact_id, province_id, family, indicator_id, indicator_name_en,
--          indicator_name_vi, kind, breakdown, partner, value, unit, qualifier,
--          period_start, period_end, uncertain, source_id, publisher, published_date
with in_view as (
    select f.*
    from facts f
    where list_contains($provinces, f.province_id)
      and year(f.period_start) <= $year_to
      and year(f.period_end) >= $year_from
      and f.status = 'reported'
      and f.superseded_by is null
      and f.derived_from is null
),
ranked as (
    select *,
           row_number() over (
               partition by province_id, indicator_id, coalesce(breakdown, '')
               order by period_end desc, period_start desc, fact_id
           ) as recency
    from in_view
)
select r.fact_id, r.province_id, i.family, r.indicator_id, i.name_en as indicator_name_en,
       i.name_vi as indicator_name_vi, i.kind, r.breakdown, r.partner, r.value, r.unit,
       r.qualifier, r.period_start, r.period_end, r.uncertain, r.source_id, s.publisher,
       s.published_date
from ranked r
join indicators i using (indicator_id)
join sources s using (source_id)
where r.recency = 1
order by i.family, r.indicator_id, r.breakdown nulls first, r.province_id

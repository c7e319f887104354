-- Purpose: for the Overview tiles, the most recent published result of each indicator
--          (and each breakdown of it) per place, within the chosen years.
-- Grain: one row per province x indicator x breakdown.
-- Parameters: $provinces (list of province_id), $year_from, $year_to (integers).
-- Columns: fact_id, province_id, family, indicator_id, indicator_name_en,
--          indicator_name_vi, kind, breakdown, partner, value, unit, qualifier,
--          period_start, period_end, uncertain, uncertain_reason, source_id, publisher,
--          published_date
with in_view as (
    select *
    from figures
    where list_contains($provinces, province_id)
      and start_year <= $year_to
      and end_year >= $year_from
      and status = 'reported'
      and superseded_by is null
      and derived_from is null
),
ranked as (
    select *,
           row_number() over (
               partition by province_id, indicator_id, coalesce(breakdown, '')
               order by period_end desc, period_start desc, fact_id
           ) as recency
    from in_view
)
select fact_id, province_id, family, indicator_id, indicator_name_en, indicator_name_vi,
       kind, breakdown, partner, value, unit, qualifier, period_start, period_end,
       uncertain, uncertain_reason, source_id, publisher, published_date,
       uncertain_reason_vi, publisher_vi
from ranked
where recency = 1
order by family, indicator_id, breakdown nulls first, province_id

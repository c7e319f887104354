-- Purpose: "Did we reach our targets?": every published target of the chosen places
--          whose period ends within the chosen years, with the reported result of the same
--          measure, place and period when one is published (else the result columns are null).
-- Grain: one row per target fact.
-- Parameters: $provinces (list of province_id), $year_from, $year_to (integers).
-- Columns: target_fact_id, province_id, indicator_id, kind, unit, period_start, period_end,
--          target_value, target_qualifier, result_fact_id, result_value, result_qualifier,
--          result_uncertain
with targets as (
    select *
    from figures
    where status = 'target'
      and list_contains($provinces, province_id)
      and end_year between $year_from and $year_to
      and superseded_by is null
),
results as (
    select *
    from figures
    where status = 'reported' and superseded_by is null and derived_from is null
)
select t.fact_id as target_fact_id, t.province_id, t.indicator_id, t.kind, t.unit,
       t.period_start, t.period_end, t.value as target_value,
       t.qualifier as target_qualifier, r.fact_id as result_fact_id,
       r.value as result_value, r.qualifier as result_qualifier,
       r.uncertain as result_uncertain
from targets t
left join results r
    on r.province_id = t.province_id
   and r.indicator_id = t.indicator_id
   and r.period_start = t.period_start
   and r.period_end = t.period_end
   and r.unit = t.unit
   and coalesce(r.breakdown, '') = coalesce(t.breakdown, '')
order by t.period_end desc, t.province_id, t.indicator_id

-- Purpose: the staging table `latest_results` behind the Overview's tiles
--          (overview_latest.sql): every published result (reported, current, not computed)
--          with the earliest start year of any newer result of the same measure, part and
--          place, so "the latest result within the chosen years" is a filter, not a window
--          per page run. Created after `figures` (files run in name order), once per data
--          version, by store.connection.
-- Grain: one row per reported, current, uncomputed fact.
-- Parameters: none.
-- Columns: fact_id, province_id, family, indicator_id, indicator_name_en,
--          indicator_name_vi, kind, breakdown, partner, value, unit, qualifier,
--          period_start, period_end, uncertain, uncertain_reason, source_id, publisher,
--          published_date, uncertain_reason_vi, publisher_vi, start_year, end_year,
--          newer_start_year

-- Why this is enough: newer means later in (period_end desc, period_start desc, fact_id),
-- the Overview's order. A result is the latest with start_year <= $year_to exactly when it
-- starts by then and every newer one starts after it (newer_start_year > $year_to or
-- null); older results end no later, so if it ends before $year_from, so do they.
create or replace table latest_results as
select fact_id, province_id, family, indicator_id, indicator_name_en, indicator_name_vi,
       kind, breakdown, partner, value, unit, qualifier, period_start, period_end,
       uncertain, uncertain_reason, source_id, publisher, published_date,
       uncertain_reason_vi, publisher_vi, start_year, end_year,
       min(start_year) over (
           partition by province_id, indicator_id, coalesce(breakdown, '')
           order by period_end desc, period_start desc, fact_id
           rows between unbounded preceding and 1 preceding
       ) as newer_start_year
from figures
where status = 'reported'
  and superseded_by is null
  and derived_from is null

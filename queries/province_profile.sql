-- Purpose: one place's figures within the chosen years (profile page), by family: the
--          latest $per_family of each family, with how many the family has in all (the
--          page links to Sources, which pages through every one). No query returns every
--          row of a place: at 1 M facts a province has tens of thousands.
-- Grain: one row per fact.
-- Parameters: $province (province_id), $year_from, $year_to (integers), $per_family
--             (integer: rows kept per family, the latest first).
-- Columns: fact_id, family, family_total, indicator_id, indicator_name_en,
--          indicator_name_vi, kind, breakdown, partner, value, unit, qualifier,
--          period_start, period_end, status, uncertain, uncertain_reason, superseded_by,
--          source_id, publisher, published_date, quote, gloss_en
select fact_id, family, count(*) over (partition by family) as family_total,
       indicator_id, indicator_name_en, indicator_name_vi, kind,
       breakdown, partner, value, unit, qualifier, period_start, period_end, status,
       uncertain, uncertain_reason, superseded_by, source_id, publisher, published_date,
       quote, gloss_en, publisher_vi, uncertain_reason_vi, gloss_vi
from figures
where province_id = $province
  and start_year <= $year_to
  and end_year >= $year_from
qualify row_number() over (
    partition by family order by period_end desc, indicator_id, fact_id
) <= $per_family
order by family, indicator_id, breakdown nulls first, period_end desc, period_start desc, fact_id

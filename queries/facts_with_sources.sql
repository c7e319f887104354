-- Purpose: the Sources page: every figure with its sentence and document, filterable by
--          place, years, family and a search text (matched against quote, indicator and
--          publisher). Superseded figures and targets are included and labelled.
-- Grain: one row per fact.
-- Parameters: $provinces (list of province_id), $year_from, $year_to (integers),
--             $families (list of family; empty list = all), $search (text; '' = all).
-- Columns: fact_id, province_id, family, indicator_id, indicator_name_en,
--          indicator_name_vi, kind, breakdown, partner, value, unit, qualifier,
--          value_as_written, period_start, period_end, status, uncertain,
--          uncertain_reason, superseded_by, source_id, title, publisher, published_date,
--          url, language, quote, gloss_en, derived_from
select fact_id, province_id, family, indicator_id, indicator_name_en, indicator_name_vi,
       kind, breakdown, partner, value, unit, qualifier, value_as_written, period_start,
       period_end, status, uncertain, uncertain_reason, superseded_by, source_id, title,
       publisher, published_date, url, language, quote, gloss_en, derived_from, title_vi,
       publisher_vi, uncertain_reason_vi, gloss_vi
from figures
where list_contains($provinces, province_id)
  and start_year <= $year_to
  and end_year >= $year_from
  and (len($families) = 0 or list_contains($families, family))
  and ($search = ''
       or contains(lower(quote), lower($search))
       or contains(lower(coalesce(gloss_en, '')), lower($search))
       or contains(lower(indicator_name_en), lower($search))
       or contains(lower(coalesce(gloss_vi, '')), lower($search))
       or contains(lower(indicator_name_vi), lower($search))
       or contains(lower(publisher), lower($search))
       or contains(lower(coalesce(publisher_vi, '')), lower($search)))
order by province_id, family, indicator_id, period_end desc

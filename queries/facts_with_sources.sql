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
select f.fact_id, f.province_id, i.family, f.indicator_id, i.name_en as indicator_name_en,
       i.name_vi as indicator_name_vi, i.kind, f.breakdown, f.partner, f.value, f.unit,
       f.qualifier, f.value_as_written, f.period_start, f.period_end, f.status,
       f.uncertain, f.uncertain_reason, f.superseded_by, f.source_id, s.title,
       s.publisher, s.published_date, s.url, s.language, f.quote, f.gloss_en,
       f.derived_from
from facts f
join indicators i using (indicator_id)
join sources s using (source_id)
where list_contains($provinces, f.province_id)
  and year(f.period_start) <= $year_to
  and year(f.period_end) >= $year_from
  and (len($families) = 0 or list_contains($families, i.family))
  and ($search = ''
       or contains(lower(f.quote), lower($search))
       or contains(lower(coalesce(f.gloss_en, '')), lower($search))
       or contains(lower(i.name_en), lower($search))
       or contains(lower(s.publisher), lower($search)))
order by f.province_id, i.family, f.indicator_id, f.period_end desc

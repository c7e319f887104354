-- Purpose: every figure matching the Sources filters with its sentence and document, for
--          files only (CSV/XLSX/ZIP downloads, made on click): the Sources page shows one
--          page at a time (sources_page.sql). Superseded figures and targets are included
--          and labelled. The filter is the macro in queries/staging/matching_figures.sql.
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
from matching_figures($provinces, $year_from, $year_to, $families, $search)
order by province_id, family, indicator_id, period_end desc, fact_id

-- Purpose: the staging table every figure question selects from: each fact with its
--          indicator (family, names, kind), its source (title, publisher, date, URL,
--          language), its place's level and its period's years. Created as the in-memory
--          table `figures` once per data version when the store opens it (store.connection);
--          question files in queries/ filter and order it, so a page query is a scan of one
--          table, not a four-table join.
-- Grain: one row per fact (every fact: the build guarantees its indicator, source and
--        province exist, tests/test_staging.py checks none is lost).
-- Parameters: none.
-- Columns: fact_id, province_id, province_level, family, indicator_id, indicator_name_en,
--          indicator_name_vi, kind, breakdown, partner, value, unit, qualifier,
--          value_as_written, period_start, period_end, status, uncertain,
--          uncertain_reason, superseded_by, derived_from, source_id, title, publisher,
--          published_date, url, language, quote, gloss_en, title_vi, publisher_vi,
--          uncertain_reason_vi, gloss_vi, rank_out_of, start_year, end_year

-- The _vi texts are given to Vietnamese readers by foreign_ties/localise.py.
-- start_year and end_year are stored because year(date) costs about 2 ms per call site on
-- a few hundred rows in DuckDB 2.0 (measured), more than the rest of a page's query.
create or replace table figures as
select f.fact_id, f.province_id, p.level as province_level, i.family, f.indicator_id,
       i.name_en as indicator_name_en, i.name_vi as indicator_name_vi, i.kind,
       f.breakdown, f.partner, f.value, f.unit, f.qualifier, f.value_as_written,
       f.period_start, f.period_end, f.status, f.uncertain, f.uncertain_reason,
       f.superseded_by, f.derived_from, f.source_id, s.title, s.publisher,
       s.published_date, s.url, s.language, f.quote, f.gloss_en, s.title_vi,
       s.publisher_vi, f.uncertain_reason_vi, f.gloss_vi, f.rank_out_of,
       cast(extract(year from f.period_start) as integer) as start_year,
       cast(extract(year from f.period_end) as integer) as end_year
from facts f
join indicators i using (indicator_id)
join sources s using (source_id)
join provinces p using (province_id)

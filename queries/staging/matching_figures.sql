-- Purpose: the table macro `matching_figures(provinces, year_from, year_to, families,
--          search)`: the Sources page's filter over `figures`, written once for its page
--          (sources_page.sql), its count (sources_count.sql), a linked figure's position
--          (sources_position.sql) and the files of every match (facts_with_sources.sql).
--          Places, years, family (empty list = all) and a search text ('' = all) matched
--          against quote, gloss, indicator and publisher in both languages.
-- Grain: one row per fact.
-- Parameters: none (the macro's arguments are the callers' bound parameters).
-- Columns: those of `figures`.
create or replace macro matching_figures(provinces, year_from, year_to, families, search) as table
select *
from figures
where list_contains(provinces, province_id)
  and start_year <= year_to
  and end_year >= year_from
  and (len(families) = 0 or list_contains(families, family))
  and (search = ''
       or contains(lower(quote), lower(search))
       or contains(lower(coalesce(gloss_en, '')), lower(search))
       or contains(lower(indicator_name_en), lower(search))
       or contains(lower(coalesce(gloss_vi, '')), lower(search))
       or contains(lower(indicator_name_vi), lower(search))
       or contains(lower(publisher), lower(search))
       or contains(lower(coalesce(publisher_vi, '')), lower(search)))

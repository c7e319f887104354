-- Purpose: how many figures match the Sources page's filters (the macro in
--          queries/staging/matching_figures.sql), for its count and its number of pages.
-- Grain: one row.
-- Parameters: $provinces (list of province_id), $year_from, $year_to (integers),
--             $families (list of family; empty list = all), $search (text; '' = all).
-- Columns: figures
select count(*) as figures
from matching_figures($provinces, $year_from, $year_to, $families, $search)

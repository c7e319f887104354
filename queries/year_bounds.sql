-- Purpose: the first and last year any figure covers, to bound the year filter.
-- Grain: one row.
-- Parameters: none.
-- Columns: first_year, last_year
select min(start_year) as first_year, max(end_year) as last_year
from figures

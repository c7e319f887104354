-- Purpose: the first and last year any figure covers, to bound the year filter.
-- Grain: one row.
-- Parameters: none.
-- Columns: first_year, last_year
select min(year(period_start)) as first_year, max(year(period_end)) as last_year
from facts

-- Purpose: VND per US dollar by year, with the source, for labelled conversions.
-- Grain: one row per year and currency.
-- Parameters: none.
-- Columns: year, currency, per_usd, source_id, publisher, publisher_in_vi
select r.year, r.currency, r.per_usd, r.source_id, s.publisher,
       s.publisher_vi as publisher_in_vi
from fx_rates r
join sources s using (source_id)
order by r.year

-- Purpose: every published rank among provinces (unit rank) of the given places, with its
--          sentence and source, for "Where do we rank?" (Overview), Compare's ranking and
--          the deck's ranking slide: reported, current figures only (no targets, nothing
--          superseded, no parts), FDI ranks first, then other ranks (PCI), latest first.
-- Grain: one row per fact. The _vi twins it selects give the reader's language (localise.py).
-- Parameters: $provinces (list of province_id: the places and the provinces merged into
--             them), $year_from, $year_to (integers).
-- Columns: fact_id, province_id, indicator_id, family, kind, value, rank_out_of, qualifier,
--          period_start, period_end, uncertain, uncertain_reason, quote, gloss_en,
--          publisher, published_date, url
select fact_id, province_id, indicator_id, family, kind, value, rank_out_of, qualifier,
       period_start, period_end, coalesce(uncertain, false) as uncertain, uncertain_reason,
       uncertain_reason_vi, quote, gloss_en, gloss_vi, publisher, publisher_vi,
       published_date, url
from figures
where unit = 'rank'
  and list_contains($provinces, province_id)
  and status = 'reported'
  and superseded_by is null
  and coalesce(breakdown, '') = ''
  and start_year <= $year_to
  and end_year >= $year_from
order by province_id, family <> 'fdi', period_end desc, indicator_id, fact_id

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
select fi.fact_id, fi.province_id, fi.indicator_id, fi.family, fi.kind, fi.value,
       f.rank_out_of, fi.qualifier, fi.period_start, fi.period_end,
       coalesce(fi.uncertain, false) as uncertain, fi.uncertain_reason,
       fi.uncertain_reason_vi, fi.quote, fi.gloss_en, fi.gloss_vi, fi.publisher,
       fi.publisher_vi, fi.published_date, fi.url
from figures fi
join facts f using (fact_id)
where fi.unit = 'rank'
  and list_contains($provinces, fi.province_id)
  and fi.status = 'reported'
  and fi.superseded_by is null
  and coalesce(fi.breakdown, '') = ''
  and year(fi.period_start) <= $year_to
  and year(fi.period_end) >= $year_from
order by fi.province_id, fi.family <> 'fdi', fi.period_end desc, fi.indicator_id, fi.fact_id

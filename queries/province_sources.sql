-- Purpose: the documents a place's figures come from, with how many figures each gives;
--          title and publisher in the reader's language (foreign_ties/localise.py).
-- Grain: one row per source.
-- Parameters: $province (province_id).
-- Columns: source_id, title, publisher, published_date, url, language, document_kind,
--          figures
with counted as (
    select source_id, count(*) as figures
    from figures
    where province_id = $province
    group by source_id
)
select s.source_id, s.title, s.publisher, s.published_date, s.url, s.language,
       s.document_kind, s.title_vi, s.publisher_vi, c.figures
from counted c
join sources s using (source_id)
order by s.published_date desc nulls last, s.source_id

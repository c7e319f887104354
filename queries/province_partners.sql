-- Purpose: the named partners of one place (profile and Partners pages); relation and
--          publisher in the reader's language (foreign_ties/localise.py).
-- Grain: one row per named partnership.
-- Parameters: $provinces (list of province_id).
-- Columns: partner_id, province_id, partner_name, partner_name_vi, partner_type,
--          partner_country, geo_id, relation, since, source_id, publisher, quote
select p.partner_id, p.province_id, p.partner_name, p.partner_name_vi, p.partner_type,
       p.partner_country, p.geo_id, p.relation, p.since, p.source_id, s.publisher, p.quote, p.relation_vi,
       s.publisher_vi
from partners p
join sources s using (source_id)
where list_contains($provinces, p.province_id)
order by p.province_id, p.partner_type, p.partner_name

-- Purpose: one source with its full stored text, to show a quote in context;
--          title and publisher in the reader's language (foreign_ties/localise.py).
-- Grain: one row (or none for an unknown id).
-- Parameters: $source (source_id).
-- Columns: source_id, title, publisher, published_date, date_note, url, language,
--          document_kind, text, text_confirmed, confirmed_note
select s.source_id, s.title, s.publisher, s.published_date, s.date_note, s.url,
       s.language, s.document_kind, d.text, s.title_vi, s.publisher_vi,
       s.text_confirmed, s.confirmed_note, s.confirmed_note_vi
from sources s
join documents d using (source_id)
where s.source_id = $source

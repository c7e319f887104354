-- Purpose: every indicator with its metadata (what it counts, unit, flow or stock).
-- Grain: one row per indicator.
-- Parameters: none.
-- Columns: indicator_id, family, name_en, name_vi, unit, kind, description, description_vi
select indicator_id, family, name_en, name_vi, unit, kind, description, description_vi
from indicators
order by family, indicator_id

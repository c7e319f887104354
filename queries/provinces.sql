-- Purpose: the places the dashboard compares, in display order.
-- Grain: one row per province (and one for the nation).
-- Parameters: none.
-- Columns: province_id, name_en, name_vi, level, gso_code, display_order, valid_to,
--          merged_into, territory_note, territory_note_vi
select province_id, name_en, name_vi, level, gso_code, display_order, valid_to,
       merged_into, territory_note, territory_note_vi
from provinces
order by display_order

-- A series key is measure, area and every dimension name and code (64 characters each, common TextLimits):
-- with a few dimensions it passes 500, and a row the intake accepted must be storable here too. The key is
-- bounded by TextLimits.SERIES_KEY_BYTES (2048 UTF-8 bytes, checked by the store before it announces a series),
-- plus the "#SUM" of a computed EU total, which B-tree index entries hold.
alter table series_trend alter column series_key type text;
alter table country_value alter column dimensions_key type text;

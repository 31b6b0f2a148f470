-- The store writes a batch's observations and versions set-wise (one statement per table per batch). A foreign key
-- checks every row with a trigger of its own, one index look-up per row: measured at 40 % of writing a 20,000-row
-- batch of versions. The store is the only writer of these tables, it creates a batch's series in the same
-- transaction before it writes their rows, and no series is ever deleted, so the keys cannot dangle.
alter table observation drop constraint observation_series_id_fkey;
alter table observation_version drop constraint observation_version_series_id_fkey;

-- Issue 16: the plausibility checks the intake runs on every accepted row, per measure. They raise warnings,
-- never rejections: a value may be implausible and true. A measure without a row here is not checked (a
-- migration adding a measure adds its row).
--   year_on_year_change: relative change against the same period a year before beyond which a value is
--     flagged (0.5 = 50 %); the same size of jump against the previous period, kept by the next one, is a
--     change of level that needs a break flag (OBS_STATUS B). Null: not checked (no meaningful ratio).
--   robust_score: the modified z-score of Iglewicz and Hoaglin (1993), 0.6745 (x - median) / MAD over the
--     series' earlier values, beyond which a value is an outlier; 3.5 is their recommended cut-off.
--   minimum_history: how many earlier values the score needs: with fewer, median and MAD of a handful of
--     values move with every one of them.
create table measure_plausibility (
    measure_code        varchar(64)  primary key references measure,
    year_on_year_change numeric(8,4) check (year_on_year_change > 0),
    robust_score        numeric(6,2) check (robust_score > 0),
    minimum_history     int          not null default 8 check (minimum_history >= 3)
);

-- Counts, amounts and percentages: a change of half the value in one year is worth a second look.
insert into measure_plausibility (measure_code, year_on_year_change, robust_score)
select code, 0.5, 3.5 from measure where unit_kind in ('COUNT', 'AMOUNT', 'PERCENT');
-- New substances notified and assessed are few a year and come in waves.
update measure_plausibility set year_on_year_change = 1.0 where measure_code in ('PI05.NPS_NOTIFIED', 'PI05.NPS_RISK_ASSESSMENTS');
-- A mean age of first use moves by months, not by half its value.
insert into measure_plausibility (measure_code, year_on_year_change, robust_score)
select code, 0.2, 3.5 from measure where unit_kind = 'YEARS';
-- Waste-water loads vary with the sampling week, rainfall and the population served: only a doubling.
insert into measure_plausibility (measure_code, year_on_year_change, robust_score)
select code, 1.0, 3.5 from measure where unit_kind = 'LOAD';
-- A yes/no (prison strategy) and an SDG score (may be negative or zero) have no meaningful ratio or spread.
insert into measure_plausibility (measure_code, year_on_year_change, robust_score)
select code, null, null from measure where unit_kind in ('BINARY', 'SCORE');

-- Internal consistency: in each series with the total code in the dimension, the value equals the sum of the
-- series with the part codes there (every other dimension, the area and the period the same), within a
-- tolerance relative to the total (0: exactly, as for counts of people).
create table measure_consistency (
    measure_code varchar(64)  not null,
    codelist_id  varchar(32)  not null,
    total_code   varchar(64)  not null,
    tolerance    numeric(8,6) not null default 0 check (tolerance >= 0),
    primary key (measure_code, codelist_id),
    foreign key (measure_code, codelist_id) references measure_dimension (measure_code, codelist_id),
    foreign key (codelist_id, total_code) references code (codelist_id, code)
);
create table measure_consistency_part (
    measure_code varchar(64) not null,
    codelist_id  varchar(32) not null,
    part_code    varchar(64) not null,
    primary key (measure_code, codelist_id, part_code),
    foreign key (measure_code, codelist_id) references measure_consistency (measure_code, codelist_id),
    foreign key (codelist_id, part_code) references code (codelist_id, code)
);

-- Deaths and notifications of both sexes are those of males plus females (SEX has no other code).
insert into measure_consistency (measure_code, codelist_id, total_code, tolerance)
select measure_code, 'SEX', 'T', 0 from measure_dimension d join measure m on m.code = d.measure_code
where d.codelist_id = 'SEX' and m.unit_kind = 'COUNT';
-- All seizures are the small ones plus the large ones; kilograms are rounded per part, so 0.5 % for quantities.
insert into measure_consistency (measure_code, codelist_id, total_code, tolerance)
select measure_code, 'SEIZURE_SIZE', 'TOTAL', case when m.unit_kind = 'AMOUNT' then 0.005 else 0 end
from measure_dimension d join measure m on m.code = d.measure_code
where d.codelist_id = 'SEIZURE_SIZE' and m.unit_kind in ('COUNT', 'AMOUNT');
insert into measure_consistency_part (measure_code, codelist_id, part_code)
select c.measure_code, c.codelist_id, p.code from measure_consistency c
join (values ('SEX', 'M'), ('SEX', 'F'), ('SEIZURE_SIZE', 'SMALL'), ('SEIZURE_SIZE', 'LARGE')) p (codelist_id, code)
  on p.codelist_id = c.codelist_id;

-- The indicator catalogue of Annex 2 of the EU Action Plan on Drugs 2021-2025. Its content changes only
-- through migrations, so the Flyway history doubles as the catalogue's version (and ETag).
create table reporter (code varchar(16) primary key, name text not null, kind varchar(16) not null check (kind in ('MEMBER_STATE','REITOX_PARTNER','AGENCY')));
create table strategic_priority (code varchar(8) primary key, position int not null, section text not null, title text not null);
create table action (number int primary key, priority_code varchar(8) not null references strategic_priority, text text not null, responsible text not null);
create table indicator (code varchar(8) primary key, position int not null, title text not null, annex_text text not null);
create table indicator_source (indicator_code varchar(8) not null references indicator, position int not null, source text not null, primary key (indicator_code, position));
create table indicator_priority (indicator_code varchar(8) not null references indicator, priority_code varchar(8) not null references strategic_priority, primary key (indicator_code, priority_code));
create table indicator_action (indicator_code varchar(8) not null references indicator, action_number int not null references action, primary key (indicator_code, action_number));
create table codelist (id varchar(32) primary key, name text not null, description text not null);
create table code (codelist_id varchar(32) not null references codelist, code varchar(64) not null, label text not null, parent_code varchar(64), position int not null, properties jsonb, primary key (codelist_id, code));
create table measure (code varchar(64) primary key, indicator_code varchar(8) not null references indicator, position int not null, name text not null, description text not null, unit text not null,
  unit_kind varchar(16) not null check (unit_kind in ('COUNT','AMOUNT','PERCENT','YEARS','BINARY','SCORE','LOAD')),
  frequency char(1) not null check (frequency in ('A','Q','M','W','D')),
  desired_direction varchar(8) not null check (desired_direction in ('DOWN','UP','NONE')),
  eu_total_rule varchar(8) not null check (eu_total_rule in ('SUM','NONE')),
  stable_band_percent numeric(6,2) not null default 10,
  member_states_report boolean not null);
create table measure_dimension (measure_code varchar(64) not null references measure, position int not null, codelist_id varchar(32) not null references codelist, primary key (measure_code, codelist_id));
create table measure_agency (measure_code varchar(64) not null references measure, reporter_code varchar(16) not null references reporter, primary key (measure_code, reporter_code));

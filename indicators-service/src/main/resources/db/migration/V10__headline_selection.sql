-- Issue 18: the headline selection of every measure - per dimension, the code whose series answers the
-- policy question by default (the scoreboard and the default trend list count only these). A dimension
-- with headline_code null has no single headline code: every one of its codes is a headline series,
-- because its codes are different questions, not parts of a total.
alter table measure_dimension add column headline_code varchar(64);
alter table measure_dimension add constraint measure_dimension_headline_code
  foreign key (codelist_id, headline_code) references code (codelist_id, code);

-- Waste water: the daily mean of the sampling week is the statistic EUDA reports per site and year (the
-- weekday, weekend and single-day values describe the same week again). SUBSTANCE: every metabolite is
-- its own series - loads of different metabolites (benzoylecgonine, THC-COOH, ...) do not add up, and
-- EUDA publishes one series per site and metabolite.
update measure_dimension set headline_code = 'DAILY_MEAN' where measure_code = 'PI02.WASTEWATER_LOAD' and codelist_id = 'STAT';

-- Seizures: all seizures, small and large together (SEIZURE_SIZE = TOTAL, what UNODC reports). SUBSTANCE
-- stays open: counts and kilograms of different drugs answer different questions.
update measure_dimension set headline_code = 'TOTAL' where codelist_id = 'SEIZURE_SIZE';

-- Both sexes and all ages wherever those dimensions exist...
update measure_dimension set headline_code = 'T' where codelist_id = 'SEX';
update measure_dimension set headline_code = 'TOTAL' where codelist_id = 'AGE';
-- ...except prevalence: general population surveys cover 15 to 64 years (EUDA's "all adults"), no survey
-- covers all ages; the headline is last-year (recent) use, as EUDA's Statistical Bulletin headlines it.
update measure_dimension set headline_code = 'Y15-64' where measure_code = 'PI07.PREVALENCE' and codelist_id = 'AGE';
update measure_dimension set headline_code = 'LAST_YEAR' where measure_code = 'PI07.PREVALENCE' and codelist_id = 'RECALL_PERIOD';

-- Opioid substitution treatment: all clients, whatever the medication.
update measure_dimension set headline_code = 'TOTAL' where measure_code = 'PI10.OST_CLIENTS' and codelist_id = 'MEDICATION';

-- Left open (every code a headline series): SUBSTANCE everywhere (PI02 emergencies, PI04, PI06
-- availability, PI07, PI08: each drug is its own question, and one emergency can involve several drugs,
-- so ANY is no sum), SDG_TARGET (PI12: each target is its own question) and OFFENCE_TYPE (PI01 offences by
-- drug, V9: use and supply answer the demand and the supply side of the plan, and the bulletin tables give
-- no total). Measures without dimensions
-- have one series per area, all headline.

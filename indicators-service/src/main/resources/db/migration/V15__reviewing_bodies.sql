-- Issue 16, review and release: only released data is official. Annex 2 of the EU Drugs Action Plan 2021-2025
-- (COM(2020) 606) names, for each performance indicator, the body responsible for its data; that body reviews and
-- releases the submissions of the indicator's measures (indicators-service/README.md, Catalogue).
--   PI 1, 3, 4 (organised crime, financial investigations, seizures): Europol, except the EUDA's own bulletin
--   table of drug law offences by drug (PI01.DRUG_LAW_OFFENCES_BY_DRUG); PI 6 (Eurobarometer) and PI 11 (the
--   prisons strategies the Member States report to the Horizontal Working Party on Drugs): the Commission; PI 12 (SDG monitoring): Eurostat;
--   every other indicator: the EUDA (the former EMCDDA's key indicators and early warning system).
-- The reviewing body is always an agency (reporter kind AGENCY); CatalogueResourceTest holds every measure to it.
alter table measure add column reviewing_body varchar(16) references reporter (code);
update measure set reviewing_body = case
  when code = 'PI01.DRUG_LAW_OFFENCES_BY_DRUG' then 'EUDA'
  when indicator_code in ('PI01', 'PI03', 'PI04') then 'EUROPOL'
  when indicator_code in ('PI06', 'PI11') then 'COM'
  when indicator_code = 'PI12' then 'EUROSTAT'
  else 'EUDA'
  end;
-- a measure added by a later migration must name its reviewing body
alter table measure alter column reviewing_body set not null;

-- Where the reviewing body publishes the data itself, its own submissions of the measure are official at once
-- (released on submission): the EUDA's waste water loads (PI02.WASTEWATER_LOAD) and early warning system (PI 5),
-- the Commission's Eurobarometer (PI 6), Eurostat's SDG monitoring report (PI 12). Everyone else's submissions,
-- and the body's own for every other measure, are always reviewed.
alter table measure add column release_on_submission boolean not null default false;
update measure set release_on_submission = true
  where code = 'PI02.WASTEWATER_LOAD' or indicator_code in ('PI05', 'PI06', 'PI12');

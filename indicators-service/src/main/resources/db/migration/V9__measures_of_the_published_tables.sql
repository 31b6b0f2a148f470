-- V9: the measures behind the published tables of ../shared/datasets (issue 20), and the source and
-- definition every measure follows, so that two figures with similar names (drug-induced deaths and deaths
-- from drug dependence, offences recorded by the police and offences by drug) are never read as one series.

alter table measure add column source text;

-- Offence types of the drug-law-offence tables (EMCDDA key indicator on drug law offences).
insert into codelist (id, name, description) values
  ('OFFENCE_TYPE', 'Drug law offence type', 'Kind of drug law offence: use or possession for use, supply (dealing, trafficking, production). Property bulletin = the last part of the Statistical Bulletin table title.');
insert into code (codelist_id, code, label, parent_code, position, properties) values
  ('OFFENCE_TYPE', 'TOTAL', 'All drug law offences', null, 1, null),
  ('OFFENCE_TYPE', 'USE', 'Use or possession for use', 'TOTAL', 2, '{"bulletin": "Use"}'::jsonb),
  ('OFFENCE_TYPE', 'SUPPLY', 'Supply (dealing, trafficking, production)', 'TOTAL', 3, '{"bulletin": "Supply"}'::jsonb);

-- Eurostat's broad age groups of the causes-of-death tables (hlth_cd_aro); TOTAL, Y_LT15 and Y_GE65 exist.
insert into code (codelist_id, code, label, parent_code, position, properties) values
  ('AGE', 'Y15-29', '15 to 29 years', 'TOTAL', 11, '{"min": 15, "max": 29}'::jsonb),
  ('AGE', 'Y30-44', '30 to 44 years', 'TOTAL', 12, '{"min": 30, "max": 44}'::jsonb),
  ('AGE', 'Y45-64', '45 to 64 years', 'TOTAL', 13, '{"min": 45, "max": 64}'::jsonb);

-- The names the 2020/2024 bulletins' prevalence titles and the 2019 offence tables use.
update code set properties = properties || '{"bulletin": "All adults (15-64)"}'::jsonb where codelist_id = 'AGE' and code = 'Y15-64';
update code set properties = properties || '{"bulletin": "Amphetamines"}'::jsonb where codelist_id = 'SUBSTANCE' and code = 'AMPHETAMINE';
update code set properties = properties || '{"bulletin": "Ecstasy"}'::jsonb where codelist_id = 'SUBSTANCE' and code = 'MDMA';
update code set properties = properties || '{"bulletin": "Cocaine (powder)"}'::jsonb where codelist_id = 'SUBSTANCE' and code = 'COCAINE_HCL';

-- New measures. Recording practices of offences differ between countries (and change within one: the
-- breaks of Austria 2013, Belgium 2014, France 2016), and Eurostat publishes no EU total of them: no EU
-- total here either (NONE). More recorded offences can mean more crime or more enforcement, so their
-- desired direction is NONE; homicides and deaths should go down.
insert into measure (code, indicator_code, position, name, description, unit, unit_kind, frequency, desired_direction, eu_total_rule, stable_band_percent, member_states_report) values
  ('PI01.DRUG_LAW_OFFENCES', 'PI01', 3, 'Drug law offences recorded by the police', 'Number of offences recorded by the police as unlawful acts involving controlled drugs or precursors (ICCS 0601: use, possession, supply, production, trafficking together). A change in recording is flagged as a break (OBS_STATUS B).', 'number', 'COUNT', 'A', 'NONE', 'NONE', 10, false),
  ('PI01.DRUG_LAW_OFFENCES_BY_DRUG', 'PI01', 4, 'Drug law offences by drug and offence type', 'Number of drug law offences (reports, charges or convictions as each country records them) by drug and by type: use or possession for use, or supply. Breaks in recording are flagged (OBS_STATUS B).', 'number', 'COUNT', 'A', 'NONE', 'NONE', 10, true),
  ('PI01.OCG_PARTICIPATION_OFFENCES', 'PI01', 5, 'Offences of participation in an organised criminal group', 'Number of offences of participation in an organised criminal group recorded by the police (ICCS 09051), all kinds of organised crime, not only drug-related.', 'number', 'COUNT', 'A', 'NONE', 'NONE', 10, false),
  ('PI01.INTENTIONAL_HOMICIDES', 'PI01', 6, 'Intentional homicides', 'Number of intentional homicides recorded by the police (ICCS 0101), all homicides: the context of the drug-related homicides, never a substitute for them.', 'number', 'COUNT', 'A', 'DOWN', 'NONE', 10, false),
  ('PI03.MONEY_LAUNDERING_OFFENCES', 'PI03', 3, 'Money laundering offences (proxy)', 'Number of money laundering offences recorded by the police (ICCS 07041), all predicate offences: a proxy for the financial investigations of PI 3, which are not published by country.', 'number', 'COUNT', 'A', 'NONE', 'NONE', 10, false),
  ('PI09.DRUG_DEPENDENCE_DEATHS', 'PI09', 4, 'Deaths from drug dependence (causes of death statistics)', 'Number of deaths whose underlying cause is drug dependence or toxicomania (ICD-10 F11-F16, F18-F19), deaths occurring in the country, by sex and age group. A cause-of-death statistic: much lower than, and not a continuation of, the EMCDDA drug-induced deaths (PI09.DRUG_INDUCED_DEATHS), which also count accidental and intentional poisonings.', 'number', 'COUNT', 'A', 'DOWN', 'SUM', 10, false);

insert into measure_dimension (measure_code, position, codelist_id) values
  ('PI01.DRUG_LAW_OFFENCES_BY_DRUG', 1, 'SUBSTANCE'),
  ('PI01.DRUG_LAW_OFFENCES_BY_DRUG', 2, 'OFFENCE_TYPE'),
  ('PI09.DRUG_DEPENDENCE_DEATHS', 1, 'SEX'),
  ('PI09.DRUG_DEPENDENCE_DEATHS', 2, 'AGE');

insert into measure_agency (measure_code, reporter_code) values
  ('PI01.DRUG_LAW_OFFENCES', 'EUROSTAT'),
  ('PI01.DRUG_LAW_OFFENCES_BY_DRUG', 'EUDA'),
  ('PI01.OCG_PARTICIPATION_OFFENCES', 'EUROSTAT'),
  ('PI01.INTENTIONAL_HOMICIDES', 'EUROSTAT'),
  ('PI03.MONEY_LAUNDERING_OFFENCES', 'EUROSTAT'),
  ('PI09.DRUG_DEPENDENCE_DEATHS', 'EUROSTAT');

-- The bulletin's syringe table (HSR-5-1-1) is titled "Number" but its magnitudes are thousands: Bulgaria's
-- footnote gives 668603 sets for a year the table shows as 669, Italy's 515445 syringes from mobile units
-- alone, Austria's 6294 for a country of 9 million. The measure carries the unit the footnotes establish.
update measure set unit = 'thousand syringes',
  description = 'Number of syringes provided through needle and syringe programmes (fixed and mobile sites in the community and in prisons, vending machines, pharmacy-based programmes), in thousands.'
  where code = 'PI10.NSP_SYRINGES';

-- The source and definition of every measure.
update measure set source = case code
  when 'PI01.DRUG_RELATED_HOMICIDES' then 'EMCDDA drug-related homicide data; Europol. Definition: homicides linked to drug markets or drug use as the reporting country classifies them.'
  when 'PI01.DRUG_OCGS' then 'Europol (SOCTA, EMPACT): organised crime groups involved in drug production or trafficking.'
  when 'PI01.DRUG_LAW_OFFENCES' then 'Eurostat crim_off_cat (recorded offences by offence category, police data), ICCS 0601, unit NR; definition of the International Classification of Crime for Statistical Purposes (UNODC, 2015).'
  when 'PI01.DRUG_LAW_OFFENCES_BY_DRUG' then 'EMCDDA Statistical Bulletin, drug law offences by drug (tables DLO-03); EMCDDA key indicator on drug law offences, national definitions of offence and counting unit.'
  when 'PI01.OCG_PARTICIPATION_OFFENCES' then 'Eurostat crim_off_cat, ICCS 09051 (participation in an organised criminal group), unit NR.'
  when 'PI01.INTENTIONAL_HOMICIDES' then 'Eurostat crim_off_cat, ICCS 0101 (intentional homicide), unit NR.'
  when 'PI02.WASTEWATER_LOAD' then 'EUDA/SCORE waste-water analysis (European Drug Report); mass loads of the parent drug or metabolite in mg per 1000 population per day.'
  when 'PI02.DRUG_EMERGENCIES' then 'EUDA Euro-DEN Plus sentinel hospitals: emergency presentations with acute drug toxicity.'
  when 'PI03.FINANCIAL_INVESTIGATIONS' then 'Europol and Member States (Asset Recovery Offices): financial investigations triggered by drug-related crime.'
  when 'PI03.ASSETS_RECOVERED' then 'Europol and Member States (Asset Recovery Offices): value of assets confiscated in drug-related cases.'
  when 'PI03.MONEY_LAUNDERING_OFFENCES' then 'Eurostat crim_off_cat, ICCS 07041 (money laundering), unit NR. A proxy for PI 3, not its definition.'
  when 'PI04.SEIZURE_COUNT' then 'EMCDDA/EUDA Statistical Bulletin, seizures of drugs (tables SZR, e.g. SZR-1-3-1 number of cocaine seizures), all seizures in any unit of measure; Europol; European Commission.'
  when 'PI04.SEIZURE_QUANTITY' then 'UNODC drug seizures (Annual Report Questionnaire), kilograms; EMCDDA/EUDA Statistical Bulletin seizure quantities.'
  when 'PI05.NPS_NOTIFIED' then 'EU Early Warning System on NPS (EUDA): substances notified for the first time.'
  when 'PI05.NPS_RISK_ASSESSMENTS' then 'EUDA risk assessments under Regulation (EU) 2017/2101.'
  when 'PI06.PERCEIVED_AVAILABILITY' then 'Eurobarometer (European Commission), Flash Eurobarometer on young people and drugs.'
  when 'PI06.PERCEIVED_INSECURITY' then 'Eurobarometer (European Commission) on security and drug-related crime.'
  when 'PI07.PREVALENCE' then 'EMCDDA/EUDA Statistical Bulletin, general population surveys (tables GPS), EMCDDA key indicator on prevalence and patterns of drug use: latest national survey, standard age groups (all adults 15-64, young adults 15-34).'
  when 'PI08.MEAN_AGE_FIRST_USE' then 'ESPAD, HBSC and national general population surveys (EMCDDA key epidemiological indicator).'
  when 'PI09.DRUG_INDUCED_DEATHS' then 'EMCDDA Statistical Bulletin, drug-induced deaths (tables DRD), EMCDDA key indicator on drug-related deaths (general mortality registers, selection B or national definition).'
  when 'PI09.HIV_NOTIFICATIONS_PWID' then 'ECDC/EMCDDA drug-related infectious diseases key indicator: HIV notifications with injecting drug use as transmission route.'
  when 'PI09.HCV_PREVALENCE_PWID' then 'EMCDDA drug-related infectious diseases key indicator: HCV antibody prevalence among people who inject drugs.'
  when 'PI09.DRUG_DEPENDENCE_DEATHS' then 'Eurostat hlth_cd_aro (causes of death by residence and occurrence), icd10 TOXICO (F11-F16, F18-F19), resid TOT_IN (all deaths occurring in the country), unit NR. Not the EMCDDA definition of drug-induced deaths.'
  when 'PI10.OST_CLIENTS' then 'EMCDDA Statistical Bulletin, opioid substitution treatment clients (tables HSR-3, e.g. HSR-3-2 methadone clients 1993-2017), clients in treatment during the year unless a note says otherwise.'
  when 'PI10.OST_COVERAGE' then 'EMCDDA: OST clients against the estimated number of high-risk opioid users.'
  when 'PI10.NSP_SYRINGES' then 'EMCDDA Statistical Bulletin, needle and syringe programmes, syringes provision (table HSR-5-1-1); thousands, as the footnotes establish.'
  when 'PI10.HCV_TESTING_COVERAGE' then 'EMCDDA/ECDC: HCV testing among people who inject drugs in the last 12 months.'
  when 'PI10.HCV_TREATMENT_COVERAGE' then 'EMCDDA/ECDC: HCV treatment among people who inject drugs diagnosed with chronic HCV.'
  when 'PI11.PRISON_DRUG_STRATEGY' then 'Member State reporting to the Horizontal Working Party on Drugs.'
  when 'PI12.SDG_PROGRESS' then 'Eurostat, Sustainable development in the European Union, monitoring report on progress towards the SDGs.'
  end;
alter table measure alter column source set not null;

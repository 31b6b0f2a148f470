-- Issue 16: the plausibility warnings of a submission's accepted rows (never rejections), kept with it so the
-- status resource and an Idempotency-Key replay show what the first answer showed. value, reference and score
-- are the figures the warning compared, side by side (e.g. the stored and the new value of a revision).
alter table submission add column warnings int not null default 0;

create sequence submission_warning_seq increment by 100;
create table submission_warning (
    id            bigint primary key,
    submission_id uuid        not null references submission (id) on delete cascade,
    row_pointer   varchar(64) not null,
    field         varchar(64) not null,
    code          varchar(40) not null,
    message       text        not null,
    series_key    text        not null,
    period        varchar(16) not null,
    value         numeric,
    reference     numeric,
    score         double precision
);
create index submission_warning_submission on submission_warning (submission_id);

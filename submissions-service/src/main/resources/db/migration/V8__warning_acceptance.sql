-- Issue 16: a reviewer accepts a plausibility warning with a note. The warning stays as it was raised, so that what
-- was flagged and who let it through, as which body, when and why, are read together and kept for good.
alter table submission_warning
    add column accepted_by   text,
    add column accepted_body text,
    add column accepted_at   timestamptz,
    add column accepted_note text;

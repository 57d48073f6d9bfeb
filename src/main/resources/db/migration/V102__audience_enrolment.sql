-- Progress of an audience campaign's enrolment, which runs as a durable task in batches after
-- activation: how many respondents matched, how many were enrolled, and the last contact done
-- (contacts are enrolled in id order, so a resumed run continues after it).
create table audience_enrolment (
    campaign_id     uuid primary key references campaign (id) on delete cascade,
    workspace_id    uuid         not null references workspace (id) on delete cascade,
    status          varchar(20)  not null,
    matched         integer      not null,
    enrolled        integer      not null,
    last_contact_id uuid,
    started_at      timestamp with time zone not null,
    updated_at      timestamp with time zone not null,
    finished_at     timestamp with time zone
);

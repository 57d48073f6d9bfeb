-- Delighted-compatible API: the one survey Delighted has per account, kept per workspace.
create table delighted_survey (
    workspace_id uuid primary key references workspace (id) on delete cascade,
    survey_id    uuid not null,
    created_at   timestamp with time zone not null
);

-- Survey requests made through POST /v1/people: sent when due unless cancelled first.
-- status: pending (waiting for due_at), queued (handed to the outbox), cancelled.
create table delighted_survey_request (
    id            uuid primary key,
    workspace_id  uuid        not null references workspace (id) on delete cascade,
    contact_id    uuid        not null,
    invitation_id uuid        not null,
    status        varchar(20) not null,
    due_at        timestamp with time zone not null,
    created_at    timestamp with time zone not null
);
-- A person's pending request (next_survey_scheduled_at, cancelling) and the due ones.
create index delighted_request_contact on delighted_survey_request (workspace_id, contact_id, status);
create index delighted_request_due on delighted_survey_request (status, due_at);

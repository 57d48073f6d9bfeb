-- Surveys: the question list, thank-you text and expiry are kept as one JSON document.
create table survey (
    id           uuid primary key,
    workspace_id uuid         not null references workspace (id) on delete cascade,
    name         varchar(200) not null,
    definition   varchar      not null,
    created_at   timestamp with time zone not null,
    updated_at   timestamp with time zone not null
);
-- Listing newest first per workspace.
create index survey_workspace_created on survey (workspace_id, created_at);

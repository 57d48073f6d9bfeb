-- Delighted's tags and notes on a survey response, written by PUT /v1/survey_responses/{id}.
-- tags: JSON array of strings; notes: JSON array of {id, text, user_email, created_at}.
create table delighted_response_extra (
    response_id  uuid primary key,
    workspace_id uuid    not null references workspace (id) on delete cascade,
    tags         varchar not null,
    notes        varchar not null,
    updated_at   timestamp with time zone not null
);
create index delighted_response_extra_workspace on delighted_response_extra (workspace_id);

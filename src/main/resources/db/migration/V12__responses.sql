-- Responses with their snapshots (contact attributes and trigger-event properties as JSON text).
create table response (
    id                 uuid primary key,
    workspace_id       uuid        not null references workspace (id) on delete cascade,
    survey_id          uuid        not null,
    campaign_id        uuid,
    invitation_id      uuid unique,
    contact_id         uuid,
    channel            varchar(20) not null,
    score              integer,
    category           varchar(10),
    confirmed          boolean     not null,
    answers            varchar     not null,
    contact_attributes varchar     not null,
    event_properties   varchar     not null,
    locale             varchar(35),
    started_at         timestamp with time zone not null,
    completed_at       timestamp with time zone,
    updated_at         timestamp with time zone not null
);
-- Listing and export by time, optionally per survey or campaign.
create index response_started on response (workspace_id, started_at);
create index response_survey on response (workspace_id, survey_id, started_at);
create index response_campaign on response (workspace_id, campaign_id, started_at);
-- "When did this person last answer" and erasure.
create index response_contact on response (workspace_id, contact_id, started_at);

-- Campaigns, their immutable versions, and the journeys that run them.
create table campaign (
    id                 uuid primary key,
    workspace_id       uuid         not null references workspace (id) on delete cascade,
    name               varchar(200) not null,
    survey_id          uuid,
    status             varchar(20)  not null,
    trigger_event_type varchar(100) not null,
    version            int          not null,
    created_at         timestamp with time zone not null,
    updated_at         timestamp with time zone not null
);
-- trigger matching: the active campaigns of a workspace for an event type
create index campaign_trigger on campaign (workspace_id, trigger_event_type, status);

-- Every saved definition; a journey runs the version it started with, whatever edits follow.
create table campaign_version (
    campaign_id uuid    not null references campaign (id) on delete cascade,
    version     int     not null,
    definition  varchar not null,
    created_at  timestamp with time zone not null,
    primary key (campaign_id, version)
);

create table journey (
    id                  uuid primary key,
    workspace_id        uuid         not null references workspace (id) on delete cascade,
    campaign_id         uuid         not null references campaign (id) on delete cascade,
    campaign_version    int          not null,
    contact_id          uuid         not null references contact (id) on delete cascade,
    trigger_event_id    varchar(200) not null,
    trigger_properties  varchar      not null,
    status              varchar(20)  not null,
    step_index          int          not null,
    due_at              timestamp with time zone,
    outcome             varchar(500),
    invited_at          timestamp with time zone,
    created_at          timestamp with time zone not null,
    updated_at          timestamp with time zone not null,
    -- one journey per contact, campaign and trigger event: a repeated event starts none
    constraint journey_once unique (campaign_id, contact_id, trigger_event_id)
);
-- "who waits where" per campaign
create index journey_campaign_status on journey (campaign_id, status, due_at);
-- exit events (waiting journeys of a contact) and recontact windows (last invitation of a contact)
create index journey_contact_status on journey (contact_id, status);

-- Actions taken per campaign and day (workspace zone), for daily caps.
create table campaign_daily_count (
    campaign_id uuid not null references campaign (id) on delete cascade,
    count_day   date not null,
    sent        int  not null,
    primary key (campaign_id, count_day)
);

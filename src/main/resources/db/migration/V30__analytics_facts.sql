-- Analytics keeps its own copy of every response, fed by the response module's events, so the
-- numbers never depend on another module's tables. One row per response, upserted by id.
create table nps_fact (
    response_id        uuid primary key,
    workspace_id       uuid        not null references workspace (id) on delete cascade,
    survey_id          uuid,
    campaign_id        uuid,
    invitation_id      uuid,
    contact_id         uuid,
    channel            varchar(40),
    score              smallint,
    category           varchar(10),
    confirmed          boolean     not null,
    -- true when the row counts in NPS: confirmed and scored
    counted            boolean     not null,
    area               varchar(40),
    comment            varchar,
    answered_at        timestamp with time zone not null,
    -- answered_at in whole quarter hours since the epoch: every zone's midnight falls on one,
    -- so trends bucket these in Java in the workspace's zone with portable SQL
    answered_quarter   bigint      not null,
    updated_at         timestamp with time zone not null
);
create index nps_fact_time on nps_fact (workspace_id, answered_at);
create index nps_fact_contact on nps_fact (workspace_id, contact_id, answered_at);

-- Snapshot segments of a response: dim is "attribute:<name>" (contact attributes when asked)
-- or "property:<name>" (properties of the trigger event); one row per scalar value.
create table nps_fact_segment (
    response_id  uuid         not null references nps_fact (response_id) on delete cascade,
    workspace_id uuid         not null,
    dim          varchar(80)  not null,
    val          varchar(200) not null,
    primary key (response_id, dim)
);
create index nps_fact_segment_dim on nps_fact_segment (workspace_id, dim, val);

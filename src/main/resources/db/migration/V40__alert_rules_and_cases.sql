-- Close the loop: alert rules, the cases they open, and notes on cases.

create table alert_rule (
    id           uuid primary key,
    workspace_id uuid         not null references workspace (id) on delete cascade,
    name         varchar(200) not null,
    conditions   varchar      not null,
    notify       varchar      not null,
    create_case  boolean      not null,
    due_in       varchar(40)  not null,
    active       boolean      not null,
    created_at   timestamp with time zone not null,
    updated_at   timestamp with time zone not null
);
create index alert_rule_workspace on alert_rule (workspace_id, active);

-- A rule fires once per response: the primary key makes a redelivered event harmless.
create table alert_firing (
    rule_id     uuid not null references alert_rule (id) on delete cascade,
    response_id uuid not null,
    fired_at    timestamp with time zone not null,
    primary key (rule_id, response_id)
);

create table feedback_case (
    id           uuid primary key,
    workspace_id uuid         not null references workspace (id) on delete cascade,
    response_id  uuid         not null,
    contact_id   uuid,
    rule_id      uuid,
    score        integer,
    category     varchar(20),
    status       varchar(20)  not null,
    owner        varchar(254),
    tags         varchar      not null,
    due_at       timestamp with time zone,
    created_at   timestamp with time zone not null,
    updated_at   timestamp with time zone not null,
    resolved_at  timestamp with time zone,
    constraint feedback_case_response unique (workspace_id, response_id)
);
-- The inbox: open cases of a workspace, newest first, optionally by owner.
create index feedback_case_status on feedback_case (workspace_id, status, created_at);

create table case_note (
    id         uuid primary key,
    case_id    uuid          not null references feedback_case (id) on delete cascade,
    author     varchar(254)  not null,
    body       varchar(5000) not null,
    created_at timestamp with time zone not null
);
create index case_note_case on case_note (case_id, created_at);

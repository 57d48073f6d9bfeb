-- Outgoing webhook subscriptions. The secret is kept in clear: every post is signed with it.
create table webhook_subscription (
    id                   uuid primary key,
    workspace_id         uuid          not null references workspace (id) on delete cascade,
    url                  varchar(2000) not null,
    events               varchar       not null,
    secret               varchar(200)  not null,
    active               boolean       not null,
    disabled_reason      varchar(500),
    consecutive_failures int           not null default 0,
    created_at           timestamp with time zone not null
);
create index webhook_subscription_workspace on webhook_subscription (workspace_id, active);

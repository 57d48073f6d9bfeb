-- The daily digest e-mail of a workspace: who gets it and when (local hour in the workspace's zone).
create table digest_settings (
    workspace_id uuid        primary key references workspace (id) on delete cascade,
    enabled      boolean     not null,
    recipients   varchar     not null,
    send_hour    smallint    not null,
    updated_at   timestamp with time zone not null
);
-- A workspace's digests already sent, by the local day they report on: the primary key lets one
-- node, once, send the digest of a day, across restarts and any number of nodes.
create table digest_sent (
    workspace_id uuid        not null references workspace (id) on delete cascade,
    local_day    date        not null,
    sent_at      timestamp with time zone not null,
    responses    bigint      not null,
    primary key (workspace_id, local_day)
);

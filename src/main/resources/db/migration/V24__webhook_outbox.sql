-- Outgoing webhooks (campaign webhook actions): claimed and retried like outgoing e-mail.
create table outgoing_webhook (
    id              uuid primary key,
    workspace_id    uuid          not null references workspace (id) on delete cascade,
    reference       varchar(200)  not null,
    url             varchar(2000) not null,
    secret          varchar(200),
    event           varchar(100)  not null,
    body            varchar       not null,
    status          varchar(20)   not null,
    attempts        int           not null default 0,
    next_attempt_at timestamp with time zone not null,
    claimed_until   timestamp with time zone,
    last_error      varchar(500),
    created_at      timestamp with time zone not null,
    sent_at         timestamp with time zone,
    constraint outgoing_webhook_reference unique (workspace_id, reference)
);
create index outgoing_webhook_due on outgoing_webhook (status, next_attempt_at);

-- Outgoing e-mail: written in the transaction that decides to send, sent by a poller that
-- claims rows with a conditional status update, so each row is sent by one node at a time.
create table outgoing_email (
    id              uuid primary key,
    workspace_id    uuid         not null references workspace (id) on delete cascade,
    reference       varchar(200) not null,
    kind            varchar(20)  not null,
    from_address    varchar(254) not null,
    from_name       varchar(200),
    to_address      varchar(254) not null,
    subject         varchar(300) not null,
    text_body       varchar      not null,
    html_body       varchar,
    headers         varchar      not null,
    status          varchar(20)  not null,
    attempts        int          not null default 0,
    next_attempt_at timestamp with time zone not null,
    claimed_until   timestamp with time zone,
    last_error      varchar(500),
    created_at      timestamp with time zone not null,
    sent_at         timestamp with time zone,
    -- one e-mail per reference (an invitation id, a journey step): a retried enqueue is a no-op
    constraint outgoing_email_reference unique (workspace_id, reference)
);
-- the poller's "what is due" query
create index outgoing_email_due on outgoing_email (status, next_attempt_at);

-- Dev mailbox: where e-mails go when no SMTP host is configured.
create table dev_mailbox (
    email_id     uuid primary key,
    workspace_id uuid         not null references workspace (id) on delete cascade,
    from_address varchar(254) not null,
    to_address   varchar(254) not null,
    subject      varchar(300) not null,
    text_body    varchar      not null,
    html_body    varchar,
    headers      varchar      not null,
    sent_at      timestamp with time zone not null
);
create index dev_mailbox_workspace on dev_mailbox (workspace_id, sent_at);

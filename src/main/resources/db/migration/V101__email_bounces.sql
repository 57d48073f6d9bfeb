-- Bounce and complaint notifications (from e-mail providers through the API, or met by the
-- outbox as a 5xx reply to RCPT TO), kept for the bounce listing.
create table email_bounce (
    id uuid primary key,
    workspace_id uuid not null references workspace (id) on delete cascade,
    contact_id uuid,
    email varchar(320) not null,
    type varchar(20) not null,
    source varchar(10) not null,
    reason varchar(500),
    occurred_at timestamp with time zone not null,
    received_at timestamp with time zone not null
);
create index email_bounce_received on email_bounce (workspace_id, received_at);
create index email_bounce_contact on email_bounce (contact_id);

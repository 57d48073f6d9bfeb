-- The conversation with the customer on a case: replies sent from the case page (through the
-- e-mail outbox) and the customer's answers as an agent logs them.
create table case_message (
    id           uuid primary key,
    workspace_id uuid          not null references workspace (id) on delete cascade,
    case_id      uuid          not null references feedback_case (id) on delete cascade,
    direction    varchar(10)   not null,
    author       varchar(254)  not null,
    subject      varchar(300),
    body         varchar(10000) not null,
    email_id     uuid,
    created_at   timestamp with time zone not null
);
create index case_message_case on case_message (case_id, created_at);

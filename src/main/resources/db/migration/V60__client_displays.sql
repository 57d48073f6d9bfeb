-- Surveys the widget or an app was handed: one row per offer, with its display token (only
-- its SHA-256 is kept) and what became of it. Display rules (once, until answered, at most N
-- times) count these rows per person and survey.
create table client_display (
    id            uuid primary key,
    workspace_id  uuid         not null references workspace (id) on delete cascade,
    token_hash    varchar(64)  not null unique,
    invitation_id uuid         not null,
    survey_id     uuid         not null,
    contact_id    uuid,
    external_id   varchar(300),
    trigger_name  varchar(120),
    slot          varchar(64),
    url           varchar(500),
    locale        varchar(20)  not null,
    status        varchar(20)  not null,
    created_at    timestamp with time zone not null,
    shown_at      timestamp with time zone,
    dismissed_at  timestamp with time zone,
    answered_at   timestamp with time zone
);
-- Display rules: how often was this survey put in front of this person.
create index client_display_contact on client_display (workspace_id, contact_id, survey_id);

-- The secret a site signs external ids with (user_hash = hex HMAC-SHA256 of the external id).
-- Kept in clear like webhook signing secrets: verifying an HMAC needs the secret itself.
create table client_identity_secret (
    workspace_id uuid primary key references workspace (id) on delete cascade,
    secret       varchar(100) not null,
    created_at   timestamp with time zone not null
);

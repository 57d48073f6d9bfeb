-- Survey requests to one contact on one channel. The link token is never stored: it is the
-- invitation id with an HMAC (server secret, id, per-invitation random nonce).
create table invitation (
    id               uuid primary key,
    workspace_id     uuid        not null references workspace (id) on delete cascade,
    survey_id        uuid        not null,
    contact_id       uuid,
    campaign_id      uuid,
    journey_id       uuid,
    channel          varchar(20) not null,
    status           varchar(20) not null,
    reason           varchar(500),
    token_nonce      varchar(32),
    event_properties varchar     not null,
    created_at       timestamp with time zone not null,
    sent_at          timestamp with time zone,
    opened_at        timestamp with time zone,
    responded_at     timestamp with time zone,
    expires_at       timestamp with time zone not null
);
-- Listing by contact and "when was this person last asked" (fatigue rules).
create index invitation_contact on invitation (workspace_id, contact_id, created_at);
-- Listing by campaign.
create index invitation_campaign on invitation (workspace_id, campaign_id, created_at);

-- The generated secret that signs link tokens when none is configured; one row.
create table invitation_secret (
    id     integer primary key,
    secret varchar(100) not null
);

-- Events a switched-off subscription would have received, kept so that re-enabling it can
-- replay them through the usual signed, once-only delivery (the post's reference is the same
-- as it would have been, so an event is never posted twice). Removed when replayed, when the
-- subscription is deleted, and after opennps.webhooks.keep-missed (30 days).
create table webhook_missed_event (
    subscription_id uuid         not null references webhook_subscription (id) on delete cascade,
    workspace_id    uuid         not null references workspace (id) on delete cascade,
    event           varchar(100) not null,
    occurrence      varchar(300) not null,
    data            varchar      not null,
    occurred_at     timestamp with time zone not null,
    primary key (subscription_id, event, occurrence)
);
create index webhook_missed_event_time on webhook_missed_event (subscription_id, occurred_at);

-- The inbox filters on "has a written comment" and on the channel.
alter table response add column has_comment boolean default false not null;
create index response_inbox on response (workspace_id, has_comment, started_at);
create index response_channel on response (workspace_id, channel, started_at);

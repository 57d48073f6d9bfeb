-- When a response was completed (null while unfinished): campaign funnels count comments and
-- the respondents query selects people by completion time. Rows stored before this column
-- existed take their answer time when counted; the next announcement of a response sets it.
alter table nps_fact add column completed_at timestamp with time zone;
update nps_fact set completed_at = answered_at where counted = true;
create index nps_fact_campaign on nps_fact (workspace_id, campaign_id, completed_at);

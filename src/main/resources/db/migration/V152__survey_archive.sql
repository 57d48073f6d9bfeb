-- An archived survey is hidden from lists and the campaign builder; its responses, invitations
-- and analytics stay. Null while the survey is in use.
alter table survey add column archived_at timestamp with time zone;

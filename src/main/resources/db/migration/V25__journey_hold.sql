-- Paused campaigns hold their due journeys (status 'held'); activating resumes them. Each resume
-- starts a new generation of the journey's step executions, so an execution left over from before
-- the hold (a crashed node's, repeated later) finds another generation and does nothing.
alter table journey add column resumes int not null default 0;

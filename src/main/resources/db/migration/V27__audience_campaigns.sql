-- Audience ("we listened") campaigns enroll past respondents on activation instead of starting on
-- an event: they have no trigger event type, or only the event type of their optional re-survey.
-- Their journeys use the fixed trigger_event_id 'audience' (and 'resurvey'), so journey_once keeps
-- one enrollment and one re-survey per contact and campaign whatever repeats or races.
alter table campaign alter column trigger_event_type drop not null;

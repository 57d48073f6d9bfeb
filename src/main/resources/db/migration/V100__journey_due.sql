-- Due journeys are claimed in batches, oldest first: waiting and due by now.
create index journey_due on journey (status, due_at);

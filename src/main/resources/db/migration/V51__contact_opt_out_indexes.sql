-- Indexes of the contact module's opt-out listings (ContactService.listUnsubscribed and
-- listBounced, added for GET /v1/unsubscribes and /v1/bounces). They belong to the contact
-- module's table but are numbered in the Delighted range, the one its author was given.
create index contact_unsubscribed on contact (workspace_id, unsubscribed_at);
create index contact_bounced on contact (workspace_id, bounced_at);

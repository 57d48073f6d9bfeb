-- Deleting a campaign deletes its invitations in batches and, with each batch, the widget's
-- displays of those invitations: found by invitation, not by a scan of every display.
create index client_display_invitation on client_display (workspace_id, invitation_id);

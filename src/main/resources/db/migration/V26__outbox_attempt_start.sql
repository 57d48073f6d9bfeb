-- When the current (or last) attempt of an outbox row started: committed before the message is
-- handed to the SMTP server or webhook receiver, so a row still 'sending' after its claim ran out
-- is known to be an attempt of unknown outcome, and when it began.
alter table outgoing_email add column attempted_at timestamp with time zone;
alter table outgoing_webhook add column attempted_at timestamp with time zone;

-- A subscription's body format: OpenNPS's own envelope, or Delighted's event names and shape
-- ({"event_type","event_id","event_data"}), for receivers written for Delighted. Kept beside the
-- webhook module's subscription table so the table itself is left as it is.
create table webhook_subscription_format (
    subscription_id uuid primary key references webhook_subscription (id) on delete cascade,
    format          varchar(20) not null
);

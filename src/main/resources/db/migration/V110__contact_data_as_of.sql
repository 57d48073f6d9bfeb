-- The time of the newest information applied to a contact (an event's occurred_at, or the
-- moment of an API update), so an older event arriving late only fills empty fields instead
-- of overwriting newer data. Null for contacts stored before: any input applies to them.
alter table contact add column data_as_of timestamp with time zone;

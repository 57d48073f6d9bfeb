-- The module event registry (Spring Modulith) stores each published event as JSON. Its H2
-- schema caps that at 4000 characters, which a batch of events exceeds as soon as a module
-- listens to EventsIngested; the column is made unbounded here on both databases. The table
-- has the registry's own layout, so its schema initialisation finds it and only adds indexes.
create table if not exists event_publication (
    id                     uuid not null primary key,
    listener_id            varchar(512) not null,
    event_type             varchar(512) not null,
    serialized_event       varchar not null,
    publication_date       timestamp with time zone not null,
    completion_date        timestamp with time zone,
    status                 varchar(20),
    completion_attempts    int,
    last_resubmission_date timestamp with time zone
);
alter table event_publication alter column serialized_event set data type varchar;

-- Remembers that the demo workspace was created once, so deleting it is final.
create table demo_seed (
    slug       varchar(40) primary key,
    created_at timestamp with time zone not null
);

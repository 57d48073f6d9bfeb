-- Where an event came from: "server" (secret API key), "client" (public key) or
-- "client_signed" (public key, visitor's external id signed with user_hash). Campaigns start
-- on client events only when their trigger accepts them. Changes the event module's table:
-- the source is a property of the stored event (see docs/architecture.md).
alter table event add column source varchar(20) not null default 'server';

-- Which contact attributes the client API (public key) may set, per workspace.
create table client_setting (
    workspace_id        uuid primary key references workspace (id) on delete cascade,
    writable_attributes varchar not null
);

-- The value the client API last wrote to a contact attribute. A stored value that differs was
-- set by the server (secret key, import, admin) and the client API leaves it alone.
create table client_attribute (
    workspace_id uuid         not null references workspace (id) on delete cascade,
    contact_id   uuid         not null references contact (id) on delete cascade,
    name         varchar(100) not null,
    attribute_value varchar   not null,
    primary key (contact_id, name)
);

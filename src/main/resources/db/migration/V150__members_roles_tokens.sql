-- Members and roles: owner | admin | agent | viewer in each workspace. The first admins were
-- in effect owners (they managed keys and everything else); plain members handled cases.
update workspace_member set role = 'owner' where role = 'admin';
update workspace_member set role = 'agent' where role = 'member';

-- An invited person has no password until they follow their link (or sign in with SSO).
alter table app_user alter column password_hash drop not null;
alter table app_user add column name varchar(200);
alter table app_user add column activated_at timestamp with time zone;
-- Installation owners may create workspaces; the first user of an installation is one.
alter table app_user add column installation_owner boolean default false not null;
update app_user set activated_at = created_at;
update app_user set installation_owner = true where created_at = (select min(created_at) from app_user);

-- Keys are full (read and write) or read-only.
alter table api_key add column scope varchar(10) default 'full' not null;

-- Single-use links to set a password (invitation) or choose a new one (reset). Only a SHA-256
-- of the random token is kept; the token itself travels in the e-mail only.
create table account_token (
    token_hash   varchar(64) primary key,
    user_id      uuid        not null references app_user (id) on delete cascade,
    purpose      varchar(20) not null,
    workspace_id uuid references workspace (id) on delete cascade,
    created_at   timestamp with time zone not null,
    expires_at   timestamp with time zone not null,
    used_at      timestamp with time zone
);
create index account_token_user on account_token (user_id, purpose);

-- Imports of history: one row per uploaded file, its progress and outcome.
create table import_job (
    id                     uuid primary key,
    workspace_id           uuid         not null references workspace (id) on delete cascade,
    format                 varchar(20)  not null,
    survey_id              uuid         not null,
    mapping                varchar,
    dry_run                boolean      not null,
    status                 varchar(20)  not null,
    file_name              varchar(200),
    file_bytes             bigint       not null,
    rows_total             bigint       not null default 0,
    rows_imported          bigint       not null default 0,
    rows_skipped_duplicate bigint       not null default 0,
    rows_rejected          bigint       not null default 0,
    failure                varchar(500),
    created_at             timestamp with time zone not null,
    updated_at             timestamp with time zone not null,
    finished_at            timestamp with time zone
);
create index import_job_workspace on import_job (workspace_id, created_at);

-- The uploaded file, in parts, until the import has read it: a restart resumes from it.
create table import_file_part (
    job_id  uuid    not null references import_job (id) on delete cascade,
    seq     integer not null,
    content bytea   not null,
    primary key (job_id, seq)
);

-- Rejected rows with line number and reason (the first 10,000 of a job).
create table import_error (
    job_id uuid         not null references import_job (id) on delete cascade,
    line   bigint       not null,
    reason varchar(500) not null,
    primary key (job_id, line)
);

-- The source's response id of every imported response: importing it again creates nothing.
create table import_source (
    workspace_id uuid         not null references workspace (id) on delete cascade,
    source_id    varchar(200) not null,
    response_id  uuid         not null,
    primary key (workspace_id, source_id)
);

-- The themes of each response's comment, found when the response is recorded: one row per
-- theme the comment names, with whether it praises or criticises it. Analytics' own table,
-- kept in step with nps_fact (deleted with it).
create table comment_theme (
    response_id  uuid        not null references nps_fact (response_id) on delete cascade,
    workspace_id uuid        not null,
    theme        varchar(60) not null,
    sentiment    varchar(10) not null,
    primary key (response_id, theme)
);
create index comment_theme_workspace on comment_theme (workspace_id, theme);

-- Which comment was analysed, in which language and by which version of the theme cues, so the
-- background re-grouping knows what to analyse again; themes found in the comments that no cue
-- matched are kept per workspace in comment_theme too, with ids starting "new:".
create table comment_analysis (
    response_id  uuid        primary key references nps_fact (response_id) on delete cascade,
    workspace_id uuid        not null,
    language     varchar(5)  not null,
    version      integer     not null
);
create index comment_analysis_version on comment_analysis (workspace_id, version);

-- Themes found in the unmatched remainder by the re-grouping: a key phrase and its label.
create table discovered_theme (
    workspace_id uuid         not null,
    theme        varchar(60)  not null,
    label        varchar(120) not null,
    language     varchar(5)   not null,
    found_at     timestamp with time zone not null,
    primary key (workspace_id, theme)
);

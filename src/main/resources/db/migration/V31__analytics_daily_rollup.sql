-- Daily counts per local day of the workspace's zone, per survey, campaign, channel and segment
-- value, kept in step with nps_fact by the projection. NPS, trends and segment groups over a
-- year of ten million answers read a few hundred thousand rows here instead of every answer.
-- dim '' holds all answers; null ids are stored as the nil UUID and a null channel as ''.
create table nps_daily (
    workspace_id uuid         not null references workspace (id) on delete cascade,
    time_zone    varchar(64)  not null,
    dim          varchar(80)  not null,
    val          varchar(200) not null,
    local_day    date         not null,
    survey_id    uuid         not null,
    campaign_id  uuid         not null,
    channel      varchar(40)  not null,
    promoters    bigint       not null,
    passives     bigint       not null,
    detractors   bigint       not null,
    primary key (workspace_id, time_zone, dim, val, local_day, survey_id, campaign_id, channel)
);

-- Where a fact was counted in the rollup, so a change subtracts exactly what was added even
-- after the workspace's zone changed.
alter table nps_fact add column rollup_zone varchar(64);
alter table nps_fact add column rollup_day date;

-- The sampling share a campaign with a precision target ("±5 NPS points per city a month")
-- applies, planned from its observed answers: replanned when the campaign changes and once a
-- day, read by the journeys as they ask people. plan holds the plan as the API shows it (JSON).
create table campaign_sampling (
    campaign_id      uuid        primary key references campaign (id) on delete cascade,
    campaign_version int         not null,
    share_percent    int         not null,
    based_on         varchar(10) not null,
    plan             varchar,
    planned_at       timestamp with time zone not null
);

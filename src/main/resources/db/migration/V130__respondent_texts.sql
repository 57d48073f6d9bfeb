-- A workspace's own wording of respondent-visible strings (survey pages, widget, e-mails),
-- per locale; '' is every locale. Keys are those of the message bundles under i18n/.
create table respondent_text (
    workspace_id uuid not null references workspace (id) on delete cascade,
    locale varchar(35) not null,
    text_key varchar(100) not null,
    text varchar(2000) not null,
    primary key (workspace_id, locale, text_key)
);

-- Templates administered as data: each version carries its schedule (open and close
-- offsets in days from the period's last day), its reminder times (ISO-8601 durations
-- before the close instant) and its conditional rules (JSON, evaluated by ReportRules).
alter table template_version
    add column open_offset_days  int         not null default -1 check (open_offset_days between -62 and 62),
    add column close_offset_days int         not null default 0 check (close_offset_days between -62 and 62),
    add column reminders         jsonb       not null default '[]'::jsonb check (jsonb_typeof(reminders) = 'array'),
    add column rules             jsonb       not null default '[]'::jsonb check (jsonb_typeof(rules) = 'array'),
    add column published_by      varchar(100),
    add constraint template_version_schedule check (open_offset_days <= close_offset_days);

-- Deadlines: one extension per report at a time (the latest grant wins), lateness kept
-- when the report was submitted or approved after its effective close instant.
alter table report
    add column extended_until        date,
    add column extension_request_id  uuid,
    add column extension_reason      varchar(1000),
    add column extension_granted_by  varchar(100),
    add column extension_granted_at  timestamptz,
    add column submitted_late        boolean not null default false,
    add column approved_late         boolean not null default false;

-- Every grant, so a retried request (same request id) is answered, not reapplied.
create table report_extension (
    request_id  uuid          primary key,
    report_id   uuid          not null references report (id),
    closes_on   date          not null,
    reason      varchar(1000) not null,
    granted_by  varchar(100)  not null,
    granted_at  timestamptz   not null
);

create index report_extension_report on report_extension (report_id);

-- History of changes: one row per save that changed something, with each field's before
-- and after. Personal-data values are kept here (this is the owner's database, read only
-- through the scoped API) and never written to logs or events.
create table report_revision (
    id            bigserial    primary key,
    report_id     uuid         not null references report (id),
    version       bigint       not null,
    template_version int       not null,
    saved_at      timestamptz  not null,
    account_id    uuid         not null,
    username      varchar(100) not null,
    display_name  varchar(200),
    via           varchar(10)  not null default 'API' check (via in ('API', 'BATCH')),
    changes       jsonb        not null check (jsonb_typeof(changes) = 'array'),
    unique (report_id, version)
);

-- The values as submitted, for "what changed since the last submission".
create table report_submission (
    transition_id uuid        primary key,
    report_id     uuid        not null references report (id),
    version       bigint      not null,
    column_values jsonb       not null,
    submitted_at  timestamptz not null
);

create index report_submission_latest on report_submission (report_id, submitted_at desc);

-- Grids: counts of late and extended reports per period without touching other periods.
create index report_period_extended on report (period_id, extended_until) where extended_until is not null;

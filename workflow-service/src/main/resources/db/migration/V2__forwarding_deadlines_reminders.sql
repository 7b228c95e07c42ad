-- The person behind the account (from the token's name claim, when it carries one) and
-- the report's data version each step applied to, for the history.
alter table report_transition add column actor_display_name varchar(200);
alter table report_transition add column data_version bigint;

-- The close date granted to the report by its province, if any (the latest grant wins).
alter table report_workflow add column extended_until date;

-- Extensions of a report's close date granted by its province: PENDING while report-service
-- is being told, COMPLETED once in force (and in the history), FAILED when report-service
-- refused it (kept for audit, never shown). The id is the client's requestId, so a retried
-- request finds its grant.
create table report_extension (
    id                  uuid          primary key,
    report_id           uuid          not null references report_workflow (report_id),
    closes_on           date          not null,
    reason              text          not null check (char_length(reason) between 1 and 2000),
    actor_account_id    uuid          not null,
    actor_username      varchar(100)  not null,
    actor_display_name  varchar(200),
    actor_role          varchar(30)   not null,
    report_state        varchar(20)   not null,
    status              varchar(20)   not null check (status in ('PENDING', 'COMPLETED', 'FAILED')),
    failure_code        varchar(30),
    attempts            integer       not null default 1,
    created_at          timestamptz   not null,
    resolved_at         timestamptz
);

create unique index report_extension_one_pending on report_extension (report_id) where status = 'PENDING';
create index report_extension_pending_by_age on report_extension (created_at) where status = 'PENDING';
create index report_extension_by_report on report_extension (report_id, resolved_at) where status = 'COMPLETED';

-- One row per (period, reminder time) once some replica has handled it: the primary key is
-- the claim, so a reminder time is handled once however many replicas run the job.
create table reminder_run (
    period_id      uuid          not null,
    remind_before  varchar(30)   not null,
    due_at         timestamptz   not null,
    closes_at      timestamptz   not null,
    outcome        varchar(20)   not null check (outcome in ('ISSUED', 'SKIPPED')),
    notice_count   integer       not null default 0,
    handled_at     timestamptz   not null,
    primary key (period_id, remind_before)
);

-- Notices shown in Công việc của tôi of a unit, one per report, audience and reminder time.
create table notice (
    id             uuid          primary key,
    period_id      uuid          not null,
    report_id      uuid          not null,
    unit_code      varchar(20)   not null,
    province_code  varchar(20),
    audience       varchar(20)   not null check (audience in ('DATA_ENTRY', 'LEADER')),
    remind_before  varchar(30)   not null,
    closes_at      timestamptz   not null,
    period_label   varchar(100)  not null,
    template_name  varchar(200),
    text           varchar(500)  not null,
    created_at     timestamptz   not null,
    dismissed_at   timestamptz,
    dismissed_by   uuid,
    constraint notice_once unique (report_id, audience, remind_before)
);

create index notice_by_unit on notice (unit_code, audience, created_at desc);

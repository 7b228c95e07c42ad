-- The current workflow state of every report workflow-service has acted on. The row is the
-- lock that serialises transitions of one report.
create table report_workflow (
    report_id      uuid         primary key,
    period_id      uuid         not null,
    unit_code      varchar(20)  not null,
    province_code  varchar(20),
    state          varchar(20)  not null check (state in ('ENTERING', 'SUBMITTED', 'APPROVED', 'RETURNED')),
    last_sequence  integer      not null default 0,
    data_version   bigint       not null default 0,
    updated_at     timestamptz  not null
);

-- Every transition attempted: PENDING while report-service is being told, COMPLETED once it
-- is part of the history, FAILED when report-service refused it (kept for audit, not shown).
create table report_transition (
    id                uuid          primary key,
    report_id         uuid          not null references report_workflow (report_id),
    sequence          integer,
    action            varchar(20)   not null check (action in ('SUBMIT', 'RECALL', 'APPROVE', 'RETURN')),
    from_state        varchar(20)   not null,
    to_state          varchar(20)   not null,
    actor_account_id  uuid          not null,
    actor_username    varchar(100)  not null,
    actor_role        varchar(30)   not null,
    message           text          check (char_length(message) <= 2000),
    status            varchar(20)   not null check (status in ('PENDING', 'COMPLETED', 'FAILED')),
    failure_code      varchar(30),
    attempts          integer       not null default 1,
    created_at        timestamptz   not null,
    resolved_at       timestamptz,
    constraint report_transition_sequence_unique unique (report_id, sequence),
    constraint report_transition_completed_has_sequence check (status <> 'COMPLETED' or sequence is not null)
);

-- At most one transition of a report is in flight: concurrent requests cannot both proceed.
create unique index report_transition_one_pending on report_transition (report_id) where status = 'PENDING';

create index report_transition_pending_by_age on report_transition (created_at) where status = 'PENDING';

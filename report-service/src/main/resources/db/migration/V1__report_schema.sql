-- Templates are data: a form, its versions and their lettered columns. A report keeps the
-- version it was opened with, so changing a template never rewrites what units filed.
create table template (
    code            varchar(50)  primary key,
    name            varchar(200) not null,
    period_kind     varchar(10)  not null check (period_kind in ('DAY', 'WEEK', 'MONTH')),
    unit_level      varchar(10)  not null check (unit_level in ('COMMUNE', 'PROVINCE')),
    current_version int          not null,
    active          boolean      not null default true
);

create table template_version (
    template_code varchar(50) not null references template (code),
    version       int         not null,
    published_at  timestamptz not null default now(),
    primary key (template_code, version)
);

create table template_column (
    template_code varchar(50)  not null,
    version       int          not null,
    letter        varchar(3)   not null check (letter ~ '^[A-Z]{1,3}$'),
    position      int          not null,
    label         varchar(300) not null,
    kind          varchar(10)  not null check (kind in ('CHOICE', 'TEXT', 'LINK', 'NUMBER', 'DATE')),
    options       jsonb        not null default '[]'::jsonb check (jsonb_typeof(options) = 'array'),
    required      boolean      not null default false,
    filled_by     varchar(10)  not null check (filled_by in ('UNIT', 'PROVINCE')),
    help          varchar(500),
    max_length    int          not null default 2000 check (max_length > 0),
    personal_data boolean      not null default false,
    primary key (template_code, version, letter),
    unique (template_code, version, position),
    foreign key (template_code, version) references template_version (template_code, version),
    check (kind <> 'CHOICE' or jsonb_array_length(options) > 0)
);

-- The replica of identity-service's unit tree, fed by UnitRegistered events.
-- search_name is the name lower-cased without diacritics, for "long thanh" to find "Xã Long Thạnh".
create table unit (
    code          varchar(10)  primary key,
    name          varchar(200) not null,
    search_name   varchar(200) not null,
    unit_type     varchar(50)  not null,
    level         varchar(10)  not null check (level in ('CENTRAL', 'PROVINCE', 'COMMUNE')),
    province_code varchar(10),
    active        boolean      not null,
    updated_at    timestamptz  not null default now()
);

create index unit_active_commune on unit (code) where level = 'COMMUNE' and active;

-- A reporting period of one template. The unique key makes opening idempotent across replicas.
create table period (
    id               uuid        primary key,
    template_code    varchar(50) not null,
    template_version int         not null,
    kind             varchar(10) not null,
    period_start     date        not null,
    period_end       date        not null,
    open_date        date        not null,
    close_date       date        not null,
    opened_at        timestamptz not null,
    unique (template_code, kind, period_start),
    foreign key (template_code, template_version) references template_version (template_code, version),
    check (open_date <= close_date and period_start <= period_end)
);

create index period_open_window on period (close_date, open_date);

-- One unit's report for one period. state is report-service's copy of workflow-service's state;
-- version is the data version used for optimistic locking of saves.
create table report (
    id               uuid        primary key default gen_random_uuid(),
    period_id        uuid        not null references period (id),
    template_code    varchar(50) not null,
    template_version int         not null,
    unit_code        varchar(10) not null,
    province_code    varchar(10) not null,
    state            varchar(10) not null default 'ENTERING'
                     check (state in ('ENTERING', 'SUBMITTED', 'APPROVED', 'RETURNED')),
    version          bigint      not null default 0,
    column_values    jsonb       not null default '{}'::jsonb,
    created_at       timestamptz not null default now(),
    updated_at       timestamptz not null default now(),
    updated_by       uuid,
    last_saved_at    timestamptz,
    evaluated_at     timestamptz,
    unique (period_id, unit_code),
    foreign key (template_code, template_version) references template_version (template_code, version)
);

-- my-work of a commune: its reports by period; grids: a period's reports by province and state.
create index report_unit on report (unit_code, period_id);
create index report_period_province_state on report (period_id, province_code, state);

-- Workflow transitions applied to a report's state copy, so a retried call is answered, not reapplied.
create table applied_transition (
    transition_id uuid        primary key,
    report_id     uuid        not null references report (id),
    action        varchar(10) not null,
    from_state    varchar(10) not null,
    to_state      varchar(10) not null,
    applied_at    timestamptz not null,
    version       bigint      not null
);

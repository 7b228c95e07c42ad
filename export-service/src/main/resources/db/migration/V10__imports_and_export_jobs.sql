-- Nhập liệu từ Excel: one row per uploaded workbook. The workbook itself is in S3
-- (object_key); the preview shown to the user and the exact batch items a later apply
-- sends are kept here, so apply uses what was previewed and nothing else.
create table import_session (
    id                uuid         primary key,
    account_id        uuid         not null,
    unit_code         varchar(20)  not null,
    object_key        varchar(200) not null,
    file_name         varchar(255) not null,
    file_size         bigint       not null,
    sha256            char(64)     not null,
    template_code     varchar(50)  not null,
    template_version  integer      not null,
    period_id         uuid,
    status            varchar(10)  not null check (status in ('PREVIEWED', 'APPLYING', 'APPLIED')),
    preview           jsonb        not null,
    items             jsonb        not null,
    result            jsonb,
    created_at        timestamptz  not null,
    applied_at        timestamptz
);

create index import_session_by_account on import_session (account_id, created_at);

-- Large exports (a province, the nation) run as jobs: any replica answers the status
-- and the download (the finished workbook is in S3), the replica that took the request
-- builds it and beats updated_at while it works.
create table export_job (
    id             uuid         primary key,
    account_id     uuid         not null,
    unit_code      varchar(20)  not null,
    period_id      uuid         not null,
    filter         jsonb        not null,
    status         varchar(10)  not null check (status in ('RUNNING', 'DONE', 'FAILED')),
    rows_done      integer      not null default 0,
    rows_total     integer,
    object_key     varchar(200),
    file_name      varchar(255),
    error_code     varchar(20),
    error_message  text,
    created_at     timestamptz  not null,
    updated_at     timestamptz  not null
);

create index export_job_by_account on export_job (account_id, created_at);

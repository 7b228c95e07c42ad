-- Who downloaded which workbook, and when: ids only, never report content.
create table export_log (
    id           bigserial    primary key,
    account_id   uuid         not null,
    unit_code    varchar(20)  not null,
    kind         varchar(10)  not null check (kind in ('REPORT', 'PERIOD')),
    subject_id   uuid         not null,
    row_count    integer      not null,
    exported_at  timestamptz  not null
);

create index export_log_by_subject on export_log (subject_id, exported_at);

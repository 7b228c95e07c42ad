-- An upload between "object about to be written" and "attachment row committed". The row
-- is written (and committed) before the first byte goes to S3 and removed in the same
-- transaction that inserts the attachment, so a crash in between leaves a row here that
-- the orphan cleaner finds: it removes the object (if any) and then the row.
create table upload_in_progress (
    storage_key  varchar(200) primary key,
    report_id    uuid         not null,
    unit_code    varchar(20)  not null,
    started_at   timestamptz  not null
);

create index upload_in_progress_by_start on upload_in_progress (started_at);

-- The per-unit quota sums the sizes of a unit's files.
create index attachment_by_unit on attachment (unit_code);

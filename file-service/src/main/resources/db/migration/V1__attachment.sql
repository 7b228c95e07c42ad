-- Metadata of evidence files; the content lives in S3 under storage_key.
-- unit_code and province_code are copied from report-service at upload so that list,
-- download and delete can check the caller's scope on data this service owns.
create table attachment (
    id                    uuid         primary key,
    report_id             uuid         not null,
    unit_code             varchar(20)  not null,
    province_code         varchar(20),
    step                  varchar(20)  not null,
    file_name             varchar(255) not null,
    storage_key           varchar(200) not null unique,
    content_type          varchar(150) not null,
    size_bytes            bigint       not null check (size_bytes > 0),
    sha256                char(64)     not null,
    uploaded_by           uuid         not null,
    uploaded_by_username  varchar(100) not null,
    uploaded_at           timestamptz  not null
);

create index attachment_by_report on attachment (report_id, uploaded_at);

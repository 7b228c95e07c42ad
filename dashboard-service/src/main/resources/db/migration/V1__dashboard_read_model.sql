-- The dashboard's read model, built only from the public events (README). Every table can
-- be emptied and rebuilt by replaying the topics from the beginning.

-- Units of the administrative tree (UnitRegistered), upserted by code.
create table unit (
    code           varchar(20)  primary key,
    name           varchar(200) not null,
    unit_type      varchar(40)  not null,
    level          varchar(10)  not null,
    province_code  varchar(20),
    active         boolean      not null
);

create index unit_by_province on unit (province_code) where level = 'COMMUNE' and active;

-- Reporting periods (PeriodOpened). closes_at is the end of the close date in Vietnam.
create table period (
    id                uuid         primary key,
    template_code     varchar(40)  not null,
    template_version  integer      not null,
    kind              varchar(10)  not null,
    period_start      date         not null,
    period_end        date         not null,
    open_date         date         not null,
    close_date        date         not null,
    closes_at         timestamptz  not null,
    report_count      integer      not null
);

create index period_by_start on period (period_start desc);

-- Template columns (TemplateVersionPublished, and version 1 of BC_NGAY_XA below).
create table template_column (
    template_code  varchar(40)   not null,
    version        integer       not null,
    letter         varchar(3)    not null,
    position       integer       not null,
    label          varchar(300)  not null,
    kind           varchar(20)   not null,
    options        jsonb         not null,
    filled_by      varchar(20)   not null,
    primary key (template_code, version, letter)
);

-- One row per report seen in an event. A commune of the roster without a row has not
-- started. data_version and state_at guard against older events applied late.
create table report (
    id                  uuid          primary key,
    period_id           uuid          not null,
    unit_code           varchar(20)   not null,
    province_code       varchar(20)   not null,
    state               varchar(20)   not null default 'ENTERING',
    started             boolean       not null default false,
    data_version        bigint        not null default -1,
    column_values       jsonb         not null default '{}'::jsonb,
    difficulty          text,
    difficulty_at       timestamptz,
    state_at            timestamptz,
    submitted_at        timestamptz,
    approved_at         timestamptz,
    extended_until      date,
    extended_closes_at  timestamptz,
    updated_at          timestamptz   not null default now()
);

create index report_by_period_province on report (period_id, province_code);
create index report_by_period_unit on report (period_id, unit_code);

-- What changed last, per period and province: the id of the live updates (Last-Event-ID).
create sequence change_seq;

create table scope_revision (
    period_id      uuid         not null,
    province_code  varchar(20)  not null,
    revision       bigint       not null,
    primary key (period_id, province_code)
);

-- Idempotent consumer (service-common's ProcessedEvents).
create table processed_event (
    consumer      varchar(100) not null,
    event_id      uuid         not null,
    processed_at  timestamptz  not null default now(),
    primary key (consumer, event_id)
);

-- Version 1 of the daily commune report as report-service seeds it, so labels and options
-- are known before report-service publishes a TemplateVersionPublished event.
insert into template_column (template_code, version, letter, position, label, kind, options, filled_by)
values
('BC_NGAY_XA', 1, 'B', 2, 'Văn bản phổ biến', 'CHOICE', '["Đã hoàn thành", "Chưa hoàn thành"]', 'UNIT'),
('BC_NGAY_XA', 1, 'C', 3, 'Bộ TTHC', 'CHOICE', '["Mới nhận danh mục", "Đã nhận đủ", "Chưa nhận đủ"]', 'UNIT'),
('BC_NGAY_XA', 1, 'D', 4, 'Hạ tầng mạng', 'CHOICE', '["Tốt", "Tạm được", "Yếu", "Không ổn định"]', 'UNIT'),
('BC_NGAY_XA', 1, 'E', 5, 'Hạ tầng máy tính', 'CHOICE', '["Thiếu", "Đã được cấp bổ sung"]', 'UNIT'),
('BC_NGAY_XA', 1, 'F', 6, 'Công cụ hỗ trợ số hóa giấy tờ', 'CHOICE', '["Có", "Không"]', 'UNIT'),
('BC_NGAY_XA', 1, 'G', 7, 'Dữ liệu số hóa có tái sử dụng', 'CHOICE', '["Có", "Không"]', 'UNIT'),
('BC_NGAY_XA', 1, 'H', 8, 'Thiết bị an toàn', 'CHOICE', '["Đã kiểm tra", "Chưa kiểm tra"]', 'UNIT'),
('BC_NGAY_XA', 1, 'I', 9, 'CKS mật', 'CHOICE', '["Đã đủ", "Chưa đủ"]', 'UNIT'),
('BC_NGAY_XA', 1, 'J', 10, 'CKS công cộng', 'CHOICE', '["Đã gửi yêu cầu", "Đã hoàn thành", "Chưa thực hiện"]',
 'UNIT'),
('BC_NGAY_XA', 1, 'K', 11,
 'Nhân sự một cửa (Đoàn thanh niên, doanh nghiệp, công an xã, Tổ CNSCĐ, Đội hỗ trợ phản ứng nhanh)', 'CHOICE',
 '["Đã đủ", "Chưa đủ"]', 'UNIT'),
('BC_NGAY_XA', 1, 'L', 12, 'Bảng "4 tại chỗ" (Quy trình thực hiện TTHC sau sáp nhập đã rà soát, niêm yết)',
 'CHOICE', '["Đang thiết kế", "Đã niêm yết"]', 'UNIT'),
('BC_NGAY_XA', 1, 'M', 13, 'Triển khai hệ thống họp trực tuyến từ TW đến địa phương', 'CHOICE',
 '["Đã triển khai", "Chưa triển khai"]', 'UNIT'),
('BC_NGAY_XA', 1, 'N', 14, 'Vướng mắc chính trong ngày', 'TEXT', '[]', 'UNIT'),
('BC_NGAY_XA', 1, 'O', 15, 'Link tới thư mục ảnh minh chứng của ngày', 'LINK', '[]', 'UNIT'),
('BC_NGAY_XA', 1, 'R', 18, '(Phần của Tỉnh) Trạng thái Giám sát', 'CHOICE',
 '["Đạt yêu cầu", "Cần bổ sung", "Không đạt", "Chưa giám sát"]', 'PROVINCE');

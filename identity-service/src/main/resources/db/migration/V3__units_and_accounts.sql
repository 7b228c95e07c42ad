-- The administrative tree: the centre (TW), 34 provinces and 3,321 communes, loaded from the
-- official list on every start. Names are stored NFC-normalised.
create table unit (
    code          varchar(10)  primary key,
    name          varchar(200) not null,
    unit_type     varchar(50)  not null,
    level         varchar(20)  not null check (level in ('CENTRAL', 'PROVINCE', 'COMMUNE')),
    province_code varchar(10)  references unit (code),
    active        boolean      not null default true,
    created_at    timestamptz  not null default now(),
    updated_at    timestamptz  not null default now(),
    constraint unit_province_required check ((level = 'CENTRAL') = (province_code is null))
);

create index unit_province on unit (province_code, code);

-- One row per sign-in account. Accounts carry no personal data yet; a later issue adds the
-- profile and CCCD asked for at first login.
create table account (
    id                   uuid         primary key,
    username             varchar(100) not null unique,
    unit_code            varchar(10)  not null references unit (code),
    role                 varchar(30)  not null
        check (role in ('DATA_ENTRY', 'LEADER', 'PROVINCE_SUPERVISOR', 'ADMIN')),
    -- null: no usable password (outside demo mode until a one-time password is issued)
    password_hash        varchar(200),
    enabled              boolean      not null default true,
    must_change_password boolean      not null default true,
    created_at           timestamptz  not null default now(),
    updated_at           timestamptz  not null default now()
);

create index account_unit on account (unit_code);

-- The RSA key access and ID tokens are signed with, when no PEM is configured: generated once by
-- the first replica and shared by all of them, so a restart does not invalidate issued tokens.
create table signing_key (
    key_id          varchar(100) primary key,
    private_key_pem text         not null,
    created_at      timestamptz  not null default now()
);

-- First login: the personal information and CCCD an account's holder gives before anything
-- else. The CCCD is never stored in clear: cccd_hmac (HMAC-SHA256, hex, keyed by a secret)
-- makes it unique and lets VNeID sign-ins find the account; cccd_encrypted (AES-GCM) lets
-- administrators read it back.
alter table account add column full_name varchar(100);
alter table account add column position varchar(100);
alter table account add column phone varchar(20);
alter table account add column cccd_hmac varchar(64);
alter table account add column cccd_encrypted varchar(200);
alter table account add column cccd_linked_at timestamptz;
alter table account add column password_changed_at timestamptz;
-- true: the account skips the profile and CCCD steps of first login (demo accounts only).
alter table account add column first_login_waived boolean not null default false;

create unique index account_cccd on account (cccd_hmac) where cccd_hmac is not null;

-- Demo accounts issued before this migration keep working as they did.
update account set first_login_waived = true where password_hash is not null and not must_change_password;

-- Failed sign-ins per username and per source address, both kept as SHA-256 of the key so
-- nothing typed (users sometimes type a password into the username field) is stored.
create table sign_in_throttle (
    throttle_key    varchar(64) primary key,
    failures        integer     not null,
    last_failure_at timestamptz not null,
    locked_until    timestamptz
);

-- One-time password-reset codes, stored hashed; a new code replaces the account's previous one.
create table password_reset_code (
    account_id uuid         primary key references account (id) on delete cascade,
    code_hash  varchar(64)  not null,
    issued_by  uuid         not null,
    expires_at timestamptz  not null,
    created_at timestamptz  not null default now()
);

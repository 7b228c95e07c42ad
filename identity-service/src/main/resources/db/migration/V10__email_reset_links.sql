-- An account holder's own e-mail address (optional, given at first login): where a reset
-- link may be sent.
alter table account add column email varchar(254);

-- One-time reset links sent by e-mail, stored as SHA-256 of the random token; a new link
-- replaces the account's previous one, and using it deletes it.
create table password_reset_link (
    account_id uuid        primary key references account (id) on delete cascade,
    token_hash varchar(64) not null unique,
    expires_at timestamptz not null,
    created_at timestamptz not null default now()
);

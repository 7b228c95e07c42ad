-- Administration of the unit tree by the centre (rename, merge, split, move) and the audit log.

-- true: the centre changed the unit (or created it by a merge or split); the official list
-- loaded at start no longer overwrites or deactivates it.
alter table unit add column managed_by_centre boolean not null default false;

-- One change the centre made to the tree: which units it started from and which it left.
create table unit_change (
    id                 uuid         primary key,
    kind               varchar(20)  not null check (kind in ('RENAMED', 'MOVED', 'MERGED', 'SPLIT')),
    predecessor_codes  varchar(10)[] not null,
    successor_codes    varchar(10)[] not null,
    effective_date     date         not null,
    note               varchar(500),
    actor_username     varchar(100) not null,
    created_at         timestamptz  not null default now()
);

-- Every state a unit has had, valid from valid_from until valid_to (open: the current one).
-- Written by a trigger on unit, so the official list and the centre's changes both keep history;
-- change_id names the unit_change that caused it (set with set_config('nq57.unit_change', ...)).
create table unit_version (
    id            bigserial    primary key,
    code          varchar(10)  not null,
    name          varchar(200) not null,
    unit_type     varchar(50)  not null,
    level         varchar(20)  not null,
    province_code varchar(10),
    active        boolean      not null,
    valid_from    timestamptz  not null,
    valid_to      timestamptz,
    change_id     uuid         references unit_change (id)
);

create unique index unit_version_current on unit_version (code) where valid_to is null;
create index unit_version_code on unit_version (code, valid_from);

insert into unit_version (code, name, unit_type, level, province_code, active, valid_from)
select code, name, unit_type, level, province_code, active, created_at from unit;

create function unit_keep_history() returns trigger language plpgsql as $$
declare
    change uuid := nullif(current_setting('nq57.unit_change', true), '')::uuid;
begin
    if tg_op = 'UPDATE' and (old.name, old.unit_type, old.level, old.province_code, old.active)
            is not distinct from (new.name, new.unit_type, new.level, new.province_code, new.active) then
        return new;
    end if;
    update unit_version set valid_to = clock_timestamp() where code = new.code and valid_to is null;
    insert into unit_version (code, name, unit_type, level, province_code, active, valid_from, change_id)
    values (new.code, new.name, new.unit_type, new.level, new.province_code, new.active, clock_timestamp(), change);
    return new;
end;
$$;

create trigger unit_history after insert or update on unit for each row execute function unit_keep_history();

-- The audit log: who did what to which account or unit, and whether it worked. Never a password,
-- code, CCCD, name or phone.
create table audit_event (
    id               uuid         primary key,
    occurred_at      timestamptz  not null default now(),
    action           varchar(40)  not null,
    actor_username   varchar(100),
    target_username  varchar(100),
    unit_code        varchar(10),
    province_code    varchar(10),
    detail           varchar(500)
);

create index audit_event_time on audit_event (occurred_at desc);
create index audit_event_province on audit_event (province_code, occurred_at desc);
create index audit_event_target on audit_event (target_username, occurred_at desc);

-- Each bulk issue of one-time initial passwords (the sheet itself is never kept).
create table provisioning_batch (
    id              uuid         primary key,
    province_code   varchar(10),
    account_count   integer      not null,
    actor_username  varchar(100) not null,
    created_at      timestamptz  not null default now()
);

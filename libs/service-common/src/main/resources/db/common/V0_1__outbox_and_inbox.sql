-- Transactional outbox: a service's state change and the event announcing it commit together.
-- Published rows are kept so that PostgreSQL can replay Kafka; OutboxRelay publishes in id order.
create table outbox_event (
    id            bigserial primary key,
    event_id      uuid         not null unique,
    topic         varchar(200) not null,
    event_key     varchar(200) not null,
    event_type    varchar(200) not null,
    subject       varchar(200) not null,
    occurred_at   timestamptz  not null,
    payload       json         not null,
    traceparent   varchar(100),
    published_at  timestamptz
);

create index outbox_event_unpublished on outbox_event (id) where published_at is null;

-- Idempotent consumers: an event id is processed once per consumer.
create table processed_event (
    consumer      varchar(100) not null,
    event_id      uuid         not null,
    processed_at  timestamptz  not null default now(),
    primary key (consumer, event_id)
);

create table sample_item (
    id   uuid primary key,
    unit varchar(20) not null
);

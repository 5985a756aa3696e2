-- An integration binds a source type to a service; its secret key is stored only as a SHA-256 hash.
create table integration (
    id              uuid primary key,
    name            varchar(255) not null unique,
    type            varchar(32)  not null,
    service         varchar(255) not null,
    key_hash        char(64)     not null unique,
    enabled         boolean      not null default true,
    declared        boolean      not null default false,
    created_at      timestamptz  not null,
    key_rotated_at  timestamptz  not null
);

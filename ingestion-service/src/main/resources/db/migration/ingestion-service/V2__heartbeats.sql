-- A heartbeat monitor: a source promises to beat every interval; a beat later than interval + grace raises an alert.
create table heartbeat (
    integration_id  uuid         not null references integration (id),
    name            varchar(255) not null,
    service         varchar(255) not null,
    interval_ms     bigint       not null,
    grace_ms        bigint       not null,
    last_beat_at    timestamptz  not null,
    due_at          timestamptz  not null,
    overdue_since   timestamptz,
    primary key (integration_id, name)
);

-- The checker's query: monitors not yet overdue, by when they are due.
create index heartbeat_due on heartbeat (due_at) where overdue_since is null;

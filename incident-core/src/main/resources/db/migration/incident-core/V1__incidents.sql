create sequence incident_number_seq;

create table incident (
    id              uuid        primary key,
    number          bigint      not null unique,
    title           text        not null,
    service         text        not null,
    severity        text        not null,
    urgency         text        not null,
    status          text        not null,
    fingerprint     text        not null,
    alert_count     integer     not null,
    opened_at       timestamptz not null,
    last_alert_at   timestamptz not null,
    acknowledged_at timestamptz,
    resolved_at     timestamptz
);

-- At most one open incident per problem: the last word on deduplication, whatever Redis says.
create unique index incident_open_per_fingerprint on incident (service, fingerprint) where resolved_at is null;

create table timeline_entry (
    id          bigserial   primary key,
    incident_id uuid        not null references incident (id),
    at          timestamptz not null,
    kind        text        not null,
    summary     text        not null
);

create index timeline_entry_by_incident on timeline_entry (incident_id, at);

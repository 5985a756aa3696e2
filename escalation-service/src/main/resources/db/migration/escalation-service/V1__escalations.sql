-- One escalation per incident that escalation-service has taken on.
create table escalation (
    incident_id uuid        primary key,
    service     text        not null,
    severity    text        not null,
    urgency     text        not null,
    state       text        not null,
    started_at  timestamptz not null
);

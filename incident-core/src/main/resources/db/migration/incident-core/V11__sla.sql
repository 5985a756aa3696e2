-- SLA policies set through the API; a column left null falls back to the configuration (vigil.incident.sla).
-- Targets are ISO-8601 durations by severity, e.g. {"SEV1": "PT5M"}.
create table sla_policy (
    service            text        primary key,
    tier               text,
    availability       numeric(7, 4),
    response_targets   jsonb       not null default '{}',
    resolution_targets jsonb       not null default '{}',
    updated_at         timestamptz not null,
    updated_by         text        not null
);

-- Whether an incident hurt customers and when; a null start or end follows the incident's opening or
-- resolution. Kept apart from the incident row: the SLA feature owns it, the incident lifecycle never reads it.
create table sla_impact (
    incident_id        uuid        primary key references incident (id),
    customer_impacting boolean     not null,
    start_at           timestamptz,
    end_at             timestamptz,
    updated_at         timestamptz not null,
    updated_by         text        not null
);

create index sla_impact_customer_impacting on sla_impact (incident_id) where customer_impacting;

-- The lifecycle: closing, and who did each thing on the timeline.
alter table incident add column closed_at timestamptz;

alter table timeline_entry add column actor_kind text;
alter table timeline_entry add column actor_id text;
alter table timeline_entry add column actor_via text;

-- The alerts (fingerprints) of an incident and whether each still fires: the incident resolves
-- from the source when none does.
create table incident_alert (
    incident_id    uuid        not null references incident (id),
    fingerprint    text        not null,
    status         text        not null,
    first_seen_at  timestamptz not null,
    last_change_at timestamptz not null,
    primary key (incident_id, fingerprint)
);

insert into incident_alert (incident_id, fingerprint, status, first_seen_at, last_change_at)
select id, fingerprint, case when resolved_at is null then 'firing' else 'resolved' end, opened_at,
       coalesce(resolved_at, last_alert_at)
from incident;

-- Reopening looks for the latest resolved incident of a problem.
create index incident_resolved_per_fingerprint on incident (service, fingerprint, resolved_at)
    where status = 'RESOLVED';

-- Listing pages newest first.
create index incident_by_opened on incident (opened_at desc, number desc);

-- One row per incident with its response times, for reports and Grafana's Postgres panels.
-- seconds_to_acknowledge counts to the first acknowledgement; seconds_to_resolve to the latest
-- resolution (null while open).
create view incident_response_times as
select id                                               as incident_id,
       number,
       service,
       severity,
       status,
       opened_at,
       acknowledged_at,
       resolved_at,
       extract(epoch from (acknowledged_at - opened_at)) as seconds_to_acknowledge,
       extract(epoch from (resolved_at - opened_at))     as seconds_to_resolve
from incident
where status <> 'MERGED';

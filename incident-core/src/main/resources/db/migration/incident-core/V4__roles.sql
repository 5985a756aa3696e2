-- Who holds which role on an incident (commander, leads, scribe: one each; experts, responders: any number).
create table incident_role (
    incident_id      uuid        not null references incident (id),
    role             text        not null,
    assignee         text        not null,
    assigned_at      timestamptz not null,
    assigned_by_kind text        not null,
    assigned_by_id   text        not null,
    assigned_by_via  text,
    primary key (incident_id, role, assignee)
);

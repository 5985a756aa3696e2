-- Reminders (and escalations) the severity matrix sent: one row per incident, kind and due time, so a second
-- pass or a second replica never sends the same one twice. An update-overdue reminder recurs with a new due time.
create table severity_reminder (
    reminder_id uuid        primary key,
    incident_id uuid        not null,
    kind        text        not null,
    due_at      timestamptz not null,
    sent_at     timestamptz not null
);

create index severity_reminder_by_incident on severity_reminder (incident_id, sent_at);

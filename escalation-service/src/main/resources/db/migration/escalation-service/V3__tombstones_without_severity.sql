-- A stop that comes before IncidentOpened leaves a tombstone from what the stopping event carries; IncidentMerged
-- carries no severity or urgency, so a tombstone has none. MERGED joins the states: merged into another incident.
alter table escalation
    alter column severity drop not null,
    alter column urgency drop not null;

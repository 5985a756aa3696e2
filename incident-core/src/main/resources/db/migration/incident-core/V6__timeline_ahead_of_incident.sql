-- Pages and notification outcomes come from topics that are not ordered with the alerts, so a timeline
-- line may name an incident that does not exist yet. It is kept under that id and shows once the
-- incident exists; the incident API never lists the timeline of an incident it does not know.
alter table timeline_entry drop constraint timeline_entry_incident_id_fkey;

-- Correlation by the source's group key (Alertmanager groupKey): alerts of one group join the
-- group's open incident. As with fingerprints, the index, not a race, decides that there is one.
alter table incident add column group_key text;

create unique index incident_open_per_group on incident (service, group_key)
    where resolved_at is null and group_key is not null;

-- Alerts find their incident by fingerprint through incident_alert, whichever alert opened it.
create index incident_alert_by_fingerprint on incident_alert (fingerprint);

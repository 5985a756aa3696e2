-- Status-page subscriber notices are deliveries too (same retries, same listing), but they are about the public
-- page, not one incident: they carry no incident.
alter table delivery alter column incident_id drop not null;

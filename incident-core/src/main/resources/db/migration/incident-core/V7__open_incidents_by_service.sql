-- A new incident looks for the longest-open incident of its upstream services (dependency correlation);
-- without this it read every open incident of those services.
create index incident_open_by_service on incident (service, opened_at, number) where resolved_at is null;

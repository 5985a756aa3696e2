-- The opening alert's labels and annotations, kept so that a run started by hand fills {{labels.*}} and
-- {{annotations.*}} as one started by the IncidentOpened event does. Incidents seen before this version have none.
alter table known_incident add column labels text not null default '{}';
alter table known_incident add column annotations text not null default '{}';

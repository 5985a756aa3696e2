-- A new incident whose upstream service already has an open incident is marked as probably caused by it.
alter table incident add column caused_by uuid references incident (id);

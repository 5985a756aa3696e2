-- The whole escalation configuration (users, teams, schedules, policies) as one validated document, replaced
-- atomically; version moves on with every change so each replica knows when to rebuild its copy.
create table escalation_config (
    id         int         primary key check (id = 1),
    document   text        not null,
    version    bigint      not null,
    updated_at timestamptz not null
);

-- Where an escalation stands. state: ESCALATING, NOTIFIED (low urgency, paged once), ACKNOWLEDGED, RESOLVED,
-- EXHAUSTED, NO_POLICY. A row created by an acknowledge or resolve that came first is the tombstone that keeps a
-- late IncidentOpened from paging. cycle counts starts (a reopen starts a new cycle).
alter table escalation
    add column number     bigint      not null default 0,
    add column title      text,
    add column policy_id  text,
    add column cycle      int         not null default 1,
    add column level      int         not null default 0,
    add column round      int         not null default 0,
    add column pages      int         not null default 0,
    add column updated_at timestamptz;

-- Every pending step is a row: a timer. Pollers claim due rows with FOR UPDATE SKIP LOCKED.
-- kind: PAGE (page level/round) or EXHAUST; status: PENDING, DONE, CANCELLED.
create table escalation_step (
    id          bigserial   primary key,
    incident_id uuid        not null references escalation (incident_id),
    cycle       int         not null,
    kind        text        not null,
    level       int         not null,
    round       int         not null,
    due_at      timestamptz not null,
    status      text        not null default 'PENDING',
    fired_at    timestamptz
);
create index escalation_step_due on escalation_step (due_at) where status = 'PENDING';
-- At most one pending step per escalation.
create unique index escalation_step_one_pending on escalation_step (incident_id) where status = 'PENDING';

-- What each escalation did, for people and for the timeline: PAGED, SKIPPED, EXHAUSTED, CANCELLED...
create table escalation_log (
    id          bigserial   primary key,
    incident_id uuid        not null,
    at          timestamptz not null,
    kind        text        not null,
    cycle       int         not null,
    level       int         not null,
    round       int         not null,
    detail      text
);
create index escalation_log_incident on escalation_log (incident_id, id);

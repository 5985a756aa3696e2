-- Every version of every runbook, as submitted; a change adds a version, runs name the one they started with.
create table runbook_version (
    name       text        not null,
    version    int         not null,
    source     text        not null,
    created_at timestamptz not null,
    created_by text        not null,
    primary key (name, version)
);

-- What incident-core told us about incidents that opened, so a run can be started by hand later and its
-- templates filled in without reading incident-core's schema.
create table known_incident (
    incident_id uuid        primary key,
    number      bigint      not null,
    title       text,
    service     text        not null,
    severity    text        not null,
    urgency     text        not null,
    fingerprint text,
    alert_id    uuid,
    opened_at   timestamptz not null
);

create table remediation_run (
    id              uuid        primary key,
    incident_id     uuid        not null,
    service         text        not null,
    runbook         text        not null,
    runbook_version int         not null,
    trigger         text        not null,
    state           text        not null,
    dry_run         boolean     not null,
    -- The incident's values the run's templates are filled from, frozen at its start (JSON object of strings).
    variables       text        not null,
    started_by      text        not null,
    started_at      timestamptz not null,
    finished_at     timestamptz,
    outcome         text,
    summary         text,
    foreign key (runbook, runbook_version) references runbook_version (name, version)
);
create index remediation_run_incident on remediation_run (incident_id);
create index remediation_run_cooldown on remediation_run (runbook, service, started_at);

-- One row per step of a run, main steps first, then rollback steps in the order they would run.
create table remediation_step (
    run_id      uuid        not null references remediation_run (id),
    seq         int         not null,
    phase       text        not null,
    -- Index in the runbook's steps or rollback list; -1 for the approval a guardrail or suggest mode adds.
    def_index   int         not null,
    name        text        not null,
    type        text        not null,
    state       text        not null,
    due_at      timestamptz,
    attempts    int         not null default 0,
    started_at  timestamptz,
    finished_at timestamptz,
    description text,
    output      text,
    decided_by  text,
    primary key (run_id, seq)
);
create index remediation_step_due on remediation_step (due_at) where state in ('DUE', 'WAITING');

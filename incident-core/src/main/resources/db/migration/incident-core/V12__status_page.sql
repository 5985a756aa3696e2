-- The public status page: components in groups, public incidents and scheduled maintenances with their updates,
-- and the people and systems subscribed to those updates. What the public reads is kept apart from the internal
-- incident and its notes; a public incident only links to the internal ones it is about.

create table status_component_group (
    id         uuid        primary key,
    name       text        not null unique,
    position   integer     not null,
    created_at timestamptz not null
);

create table status_component (
    id          uuid        primary key,
    group_id    uuid        references status_component_group (id),
    name        text        not null,
    description text,
    position    integer     not null,
    status      text        not null,
    created_at  timestamptz not null,
    updated_at  timestamptz not null
);

create unique index status_component_name on status_component (coalesce(group_id, '00000000-0000-0000-0000-000000000000'), name);

-- kind 'incident' (statuses investigating, identified, monitoring, resolved) or 'maintenance' (scheduled,
-- in_progress, verifying, completed); status is that of the latest update.
create table status_incident (
    id              uuid        primary key,
    kind            text        not null,
    name            text        not null,
    status          text        not null,
    impact          text        not null,
    scheduled_for   timestamptz,
    scheduled_until timestamptz,
    created_at      timestamptz not null,
    updated_at      timestamptz not null,
    resolved_at     timestamptz
);

create index status_incident_open on status_incident (created_at) where resolved_at is null;
create index status_incident_recent on status_incident (updated_at);

create table status_incident_link (
    status_incident_id uuid not null references status_incident (id) on delete cascade,
    incident_id        uuid not null references incident (id),
    primary key (status_incident_id, incident_id)
);

create table status_incident_component (
    status_incident_id uuid not null references status_incident (id) on delete cascade,
    component_id       uuid not null references status_component (id) on delete cascade,
    primary key (status_incident_id, component_id)
);

-- seq orders updates posted within the same instant.
create table status_update (
    id                 uuid        primary key,
    seq                bigserial   not null,
    status_incident_id uuid        not null references status_incident (id) on delete cascade,
    status             text        not null,
    body               text        not null,
    author             text,
    created_at         timestamptz not null
);

create index status_update_by_incident on status_update (status_incident_id, created_at, seq);

create table status_subscription (
    id         uuid        primary key,
    channel    text        not null,
    address    text        not null,
    created_at timestamptz not null,
    unique (channel, address)
);

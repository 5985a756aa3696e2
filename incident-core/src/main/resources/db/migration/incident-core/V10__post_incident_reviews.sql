-- Post-incident reviews: one per incident, with the incident's timeline as it was told (by role) when written.
create table review (
    id                   uuid        primary key,
    incident_id          uuid        not null unique references incident (id),
    incident_number      bigint      not null,
    title                text        not null,
    service              text        not null,
    severity             text        not null,
    state                text        not null,
    started_at           timestamptz,
    ended_at             timestamptz,
    services_affected    text[]      not null,
    customers_affected   text,
    summary              text,
    root_causes          text,
    contributing_factors text,
    went_well            text,
    went_badly           text,
    lessons              text,
    created_at           timestamptz not null,
    updated_at           timestamptz not null,
    published_at         timestamptz
);

create index review_by_state on review (state, created_at desc);

create table review_timeline_entry (
    review_id uuid        not null references review (id) on delete cascade,
    position  integer     not null,
    at        timestamptz not null,
    kind      text        not null,
    summary   text        not null,
    actor     text,
    primary key (review_id, position)
);

create table action_item (
    id           uuid        primary key,
    review_id    uuid        not null references review (id) on delete cascade,
    title        text        not null,
    priority     text        not null,
    owner        text,
    due_date     date,
    status       text        not null,
    created_at   timestamptz not null,
    closed_at    timestamptz,
    -- The due date the owner was last reminded of: one reminder per item and due date.
    reminded_for date
);

create index action_item_by_review on action_item (review_id);
-- What the overdue list and the reminder check scan: open items by due date.
create index action_item_open_by_due on action_item (due_date) where status = 'OPEN';

-- How each person can be reached: their contact methods and the rules that say which to use when.
create table contact_method (
    user_id    text not null,
    id         text not null,
    channel    text not null,
    address    text not null,
    secret     text,
    primary key (user_id, id)
);
create index contact_method_slack on contact_method (address) where channel = 'SLACK';

create table notification_rule (
    user_id           text     not null,
    position          int      not null,
    urgency           text     not null,
    contact_method_id text     not null,
    delay_seconds     bigint   not null,
    primary key (user_id, position)
);

-- One row per (request, contact method, rule): the idempotency key makes a redelivered request a no-op.
-- A row is a durable timer: due_at says when it is next attempted; the poller claims due rows with SKIP LOCKED.
create table delivery (
    id                 uuid        primary key,
    idempotency_key    text        not null unique,
    request_id         uuid        not null,
    incident_id        uuid        not null,
    incident_number    bigint      not null,
    title              text,
    service            text,
    severity           text,
    urgency            text,
    user_id            text        not null,
    user_name          text,
    slack_user         text,
    page_email         text,
    note               text,
    channel            text        not null,
    address            text        not null,
    contact_method_id  text        not null,
    rule_id            text        not null,
    purpose            text        not null,
    thread_ref         text,
    fallback_of        uuid,
    status             text        not null,
    attempts           int         not null default 0,
    due_at             timestamptz not null,
    created_at         timestamptz not null,
    sent_at            timestamptz,
    sent_via           text,
    provider_ref       text,
    last_error         text
);
create index delivery_due on delivery (due_at) where status = 'PENDING';
create index delivery_incident on delivery (incident_id);
create index delivery_status on delivery (status, created_at);
create index delivery_address on delivery (address, channel);
create index delivery_provider_ref on delivery (provider_ref);

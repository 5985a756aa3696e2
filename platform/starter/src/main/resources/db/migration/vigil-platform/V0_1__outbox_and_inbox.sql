-- Shared by every service: each service's Flyway runs this in its own schema.

-- Events written in the same transaction as the state change that caused them; the relay
-- publishes them to Kafka in id order and deletes what Kafka acknowledged.
create table outbox (
    id          bigserial   primary key,
    topic       text        not null,
    message_key text        not null,
    event_id    uuid        not null,
    payload     text        not null,
    created_at  timestamptz not null default now()
);

-- Messages this service already processed, so a redelivered record changes nothing.
create table inbox (
    consumer     text        not null,
    event_id     uuid        not null,
    processed_at timestamptz not null,
    primary key (consumer, event_id)
);

-- A person's own order of channels to fall back through, instead of vigil.notification.fallback-chain.
create table user_fallback_chain (
    user_id  text primary key,
    channels text not null
);

-- A service's order of channels to fall back through, for the people paged about its incidents who have no
-- chain of their own.
create table service_fallback_chain (
    service  text primary key,
    channels text not null
);

-- Communication templates an admin edited; a template without a row is its built-in default.
create table communication_template (
    name       text        primary key,
    body       text        not null,
    updated_at timestamptz not null,
    updated_by text        not null
);

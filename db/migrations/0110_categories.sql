-- Request categories. Each numbers its requests with its own prefix (IT-42).
create table app.categories (
    code text primary key
        constraint categories_code_shape check (code ~ '^[A-Z][A-Z0-9]{1,9}$'),
    name text not null
        constraint categories_name_present check (char_length(btrim(name)) between 1 and 100),
    key_prefix text not null
        constraint categories_key_prefix_shape check (key_prefix ~ '^[A-Z][A-Z0-9]{1,9}$'),
    last_number integer not null default 0
        constraint categories_last_number_positive check (last_number >= 0),
    constraint categories_key_prefix_unique unique (key_prefix)
);

alter table app.categories enable row level security;

create policy select_all on app.categories for select using (true);

grant select (code, name, key_prefix) on app.categories to web_user;
grant select on app.categories to reqstly_admin;

comment on table app.categories is 'Request categories; last_number is the counter behind human keys such as IT-42.';

insert into app.categories (code, name, key_prefix) values
    ('IT', 'IT', 'IT'),
    ('OPS', 'Operations', 'OPS'),
    ('ADMIN', 'Administration', 'ADM'),
    ('HR', 'Human resources', 'HR');

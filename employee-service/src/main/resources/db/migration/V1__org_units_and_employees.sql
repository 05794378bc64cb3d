create table org_unit (
    code        varchar(50)  primary key,
    name        varchar(300) not null,
    parent_code varchar(50)  references org_unit (code),
    level       varchar(30)  not null,
    path        varchar(2000) not null,          -- codes from the root, '/'-separated, for subtree queries
    active      boolean      not null default true,
    version     bigint       not null default 0,
    created_at  timestamptz  not null default now(),
    updated_at  timestamptz  not null default now()
);
create index org_unit_parent on org_unit (parent_code);
create index org_unit_path on org_unit (path varchar_pattern_ops);

create table employee (
    nip              varchar(18)  primary key,
    name             varchar(300) not null,
    gender           varchar(1)   not null,
    birth_date       date         not null,
    employment_type  varchar(10)  not null,
    rank             varchar(10),
    position_code    varchar(50),
    org_unit_code    varchar(50)  not null references org_unit (code),
    education_level  varchar(5),
    education_field  varchar(200),
    status           varchar(20)  not null,
    tmt_cpns         date,
    version          bigint       not null default 0,
    created_at       timestamptz  not null default now(),
    updated_at       timestamptz  not null default now()
);
create index employee_org_unit on employee (org_unit_code);
create index employee_name on employee (lower(name));
create index employee_status on employee (status);

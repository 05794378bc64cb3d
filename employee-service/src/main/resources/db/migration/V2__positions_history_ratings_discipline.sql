create table position (
    code                          varchar(50)  primary key,
    title                         varchar(300) not null,
    org_unit_code                 varchar(50)  not null references org_unit (code),
    type                          varchar(20)  not null,
    functional_level              varchar(20),
    grade                         integer      not null check (grade between 1 and 17),
    min_rank                      varchar(10),
    required_leadership_training  varchar(10),
    active                        boolean      not null default true,
    version                       bigint       not null default 0,
    created_at                    timestamptz  not null default now(),
    updated_at                    timestamptz  not null default now(),
    constraint functional_level_only_for_fungsional
        check ((type = 'FUNGSIONAL') = (functional_level is not null))
);
create index position_org_unit on position (org_unit_code);

create table placement (
    id             bigserial    primary key,
    nip            varchar(18)  not null references employee (nip),
    position_code  varchar(50)  not null references position (code),
    org_unit_code  varchar(50)  not null references org_unit (code),
    effective_date date         not null,
    assignment     varchar(10)  not null,
    decree_number  varchar(100),
    recorded_by    varchar(200) not null,
    recorded_at    timestamptz  not null default now()
);
create index placement_nip on placement (nip, effective_date desc, id desc);

create table rank_history (
    id             bigserial    primary key,
    nip            varchar(18)  not null references employee (nip),
    rank           varchar(10)  not null,
    effective_date date         not null,
    decree_number  varchar(100),
    recorded_by    varchar(200) not null,
    recorded_at    timestamptz  not null default now()
);
create index rank_history_nip on rank_history (nip, effective_date desc, id desc);

create table education_history (
    id             bigserial    primary key,
    nip            varchar(18)  not null references employee (nip),
    level          varchar(5)   not null,
    field          varchar(200),
    institution    varchar(300),
    graduated_on   date         not null,
    recorded_by    varchar(200) not null,
    recorded_at    timestamptz  not null default now()
);
create index education_history_nip on education_history (nip, graduated_on desc, id desc);

create table performance_rating (
    id               bigserial    primary key,
    nip              varchar(18)  not null references employee (nip),
    year             integer      not null,
    period           varchar(10)  not null,
    work_result      varchar(12)  not null,
    work_behaviour   varchar(12)  not null,
    derived_rating   varchar(20)  not null,
    rating           varchar(20)  not null,
    override_reason  varchar(1000),
    rater            varchar(200) not null,
    rater_nip        varchar(18),
    recorded_at      timestamptz  not null default now(),
    constraint performance_rating_once unique (nip, year, period),
    constraint override_needs_reason check (rating = derived_rating or override_reason is not null)
);

create table disciplinary_record (
    id           bigserial    primary key,
    nip          varchar(18)  not null references employee (nip),
    level        varchar(10)  not null,
    decided_on   date         not null,
    description  varchar(2000),
    recorded_by  varchar(200) not null,
    recorded_at  timestamptz  not null default now()
);
create index disciplinary_record_nip on disciplinary_record (nip, decided_on desc);

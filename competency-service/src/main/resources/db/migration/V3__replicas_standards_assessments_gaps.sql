-- Issue 7: the replicas competency-service keeps, the position competency standards (SKJ), the default templates,
-- the gap policy, assessments and the per-person gap snapshot that the gap list and the AKPK roll-up read.

-- A competency a standard uses is retired, never deleted.
alter table competency add column retired_at timestamptz;
alter table competency add column retired_by varchar(200);

-- Replicas (SYSTEM.md §2), written only by the consumers of asn.employee.v1 and asn.org.v1. A path is the unit
-- codes from the root to the unit joined by '/', e.g. 'PEMKOT/DINKES/SEKRE'; a subtree is path = P or path like P || '/%'.
create table employee_replica (
    nip              varchar(18)  primary key,
    name             varchar(300),
    employment_type  varchar(10),
    position_code    varchar(50),
    position_type    varchar(20),
    org_unit_code    varchar(50),
    org_unit_path    varchar(1000),
    status           varchar(20),
    source_version   bigint       not null default 0,
    updated_at       timestamptz  not null default now()
);
create index employee_replica_path on employee_replica (org_unit_path text_pattern_ops);
create index employee_replica_position on employee_replica (position_code);

create table position_replica (
    code             varchar(50)  primary key,
    title            varchar(300),
    org_unit_code    varchar(50),
    type             varchar(20),
    functional_level varchar(20),
    status           varchar(20),
    source_version   bigint       not null default 0,
    updated_at       timestamptz  not null default now()
);
create index position_replica_type on position_replica (type, functional_level);

create table org_unit_replica (
    code             varchar(50)  primary key,
    name             varchar(300),
    parent_code      varchar(50),
    path             varchar(1000),
    level            varchar(50),
    status           varchar(20),
    source_version   bigint       not null default 0,
    updated_at       timestamptz  not null default now()
);
create index org_unit_replica_path on org_unit_replica (path text_pattern_ops);

-- Position competency standards: one row per published version; the one in force on a date is the latest
-- effective_from <= date (ties: the higher version).
create table competency_standard (
    position_code   varchar(50)  not null,
    version         integer      not null check (version >= 1),
    effective_from  date         not null,
    created_at      timestamptz  not null default now(),
    created_by      varchar(200),
    primary key (position_code, version)
);
create index competency_standard_in_force on competency_standard (position_code, effective_from desc, version desc);
create index competency_standard_effective on competency_standard (effective_from);

create table competency_standard_item (
    position_code   varchar(50)  not null,
    version         integer      not null,
    ordinal         integer      not null,
    competency_code varchar(20)  not null references competency (code),
    required_level  smallint     not null check (required_level between 1 and 5),
    importance      varchar(10)  not null check (importance in ('MUTLAK', 'PENTING', 'PERLU')),
    primary key (position_code, version, competency_code),
    foreign key (position_code, version) references competency_standard (position_code, version)
);

-- Default templates per position type (domain.md §3.3, UNCONFIRMED ladder), versioned; body = the JSON of
-- domain.StandardTemplate. Version 1 of each type is seeded by the service at start from StandardTemplate.defaults().
create table standard_template (
    position_type   varchar(20)  not null,
    version         integer      not null check (version >= 1),
    body            text         not null,
    created_at      timestamptz  not null default now(),
    created_by      varchar(200),
    primary key (position_type, version)
);

-- Gap policy versions (SYSTEM.md §6.1); body = the JSON of domain.GapPolicy. The current one is the highest version;
-- version 1 is seeded by the service at start from GapPolicy.defaults().
create table gap_policy (
    version         integer      primary key check (version >= 1),
    body            text         not null,
    created_at      timestamptz  not null default now(),
    created_by      varchar(200)
);

-- Assessments: immutable; a correction is a new row naming the one it supersedes.
create table assessment (
    id              uuid         primary key,
    nip             varchar(18)  not null,
    assessed_on     date         not null,
    method          varchar(30)  not null,
    purpose         varchar(20)  not null,
    assessor        varchar(300) not null,
    supersedes      uuid         references assessment (id),
    superseded_by   uuid         references assessment (id),
    recorded_at     timestamptz  not null default now(),
    recorded_by     varchar(200)
);
create index assessment_nip on assessment (nip, assessed_on);
create unique index assessment_superseded_once on assessment (supersedes) where supersedes is not null;

create table assessment_score (
    assessment_id   uuid         not null references assessment (id),
    competency_code varchar(20)  not null references competency (code),
    level           numeric(2,1) not null check (level between 1.0 and 5.0),
    primary key (assessment_id, competency_code)
);

-- The gap of every employee against their current position, purpose MAPPING, as of computed_on, kept current by
-- the service whenever a placement, a standard, a template, the policy or an assessment changes it. The gap list
-- and the AKPK roll-up read it; GET /competency-gaps/{nip} computes live.
create table gap_snapshot (
    nip              varchar(18)  primary key,
    position_code    varchar(50),
    standard_version integer,
    standard_source  varchar(10),
    policy_version   integer      not null,
    jpm              numeric(7,2),
    category         varchar(30),
    coverage         numeric(7,4),
    computed_on      date         not null,
    valid_until      date,        -- the first day the result may change by the passing of time (an assessment expiring)
    computed_at      timestamptz  not null default now()
);
create index gap_snapshot_valid_until on gap_snapshot (valid_until);

create table gap_snapshot_item (
    nip              varchar(18)  not null references gap_snapshot (nip) on delete cascade,
    competency_code  varchar(20)  not null,
    required_level   smallint     not null,
    actual           numeric(2,1),
    gap              numeric(3,1),
    importance       varchar(10)  not null,
    assessment_id    uuid,
    primary key (nip, competency_code)
);
create index gap_snapshot_item_competency on gap_snapshot_item (competency_code) where gap < 0;

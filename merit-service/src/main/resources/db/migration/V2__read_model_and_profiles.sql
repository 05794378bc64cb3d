-- merit-service's read model (SYSTEM.md §2: built from events only, never from another service's tables) and the
-- results it computes on it. Each replica row names the event that last wrote it, so a profile can cite its inputs.

-- asn.employee.v1: the person as employee-service last published them (every type carries the whole state)
create table employee_replica (
    nip              varchar(18)  primary key,
    name             varchar(200),
    gender           varchar(1),
    birth_date       date,
    employment_type  varchar(10),
    rank             varchar(10),
    rank_since       date,                       -- TMT of the current rank, when known
    education_level  varchar(4),
    position_code    varchar(50),
    position_type    varchar(20),
    org_unit_code    varchar(50),
    org_unit_path    varchar(1000),              -- codes root first, '/'-joined, for subtree scopes
    status           varchar(20),
    source_version   bigint       not null default 0,
    last_event_id    varchar(100),
    last_event_type  varchar(100),
    last_event_at    timestamptz,
    updated_at       timestamptz  not null default now()
);
create index employee_replica_path on employee_replica (org_unit_path text_pattern_ops);
create index employee_replica_unit on employee_replica (org_unit_code);
create index employee_replica_position on employee_replica (position_code);

-- asn.org.v1
create table org_unit_replica (
    code            varchar(50)  primary key,
    name            varchar(300),
    parent_code     varchar(50),
    path            varchar(1000),
    level           varchar(30),
    status          varchar(20),
    source_version  bigint       not null default 0,
    updated_at      timestamptz  not null default now()
);
create index org_unit_replica_path on org_unit_replica (path text_pattern_ops);

create table position_replica (
    code                          varchar(50)  primary key,
    title                         varchar(300),
    org_unit_code                 varchar(50),
    type                          varchar(20),
    functional_level              varchar(20),
    grade                         integer,
    min_rank                      varchar(10),
    min_education_level           varchar(4),
    required_leadership_training  varchar(10),
    status                        varchar(20),
    source_version                bigint       not null default 0,
    last_event_id                 varchar(100),
    updated_at                    timestamptz  not null default now()
);
create index position_replica_unit on position_replica (org_unit_code);

-- asn.employee.performance-rated.v1: one rating per person, year and period (a later event for the same period wins)
create table skp_rating (
    nip             varchar(18)  not null,
    year            integer      not null,
    period          varchar(6)   not null,      -- ANNUAL, Q1..Q4
    rating          varchar(20)  not null,      -- SANGAT_BAIK .. SANGAT_KURANG
    work_result     varchar(12),
    work_behaviour  varchar(12),
    overridden      boolean      not null default false,
    event_id        varchar(100) not null,
    event_at        timestamptz,
    primary key (nip, year, period)
);

-- asn.employee.disciplined.v1: level and date only (the description never leaves employee-service)
create table discipline_record (
    event_id    varchar(100) primary key,
    nip         varchar(18)  not null,
    level       varchar(10)  not null,          -- LIGHT, MODERATE, SEVERE
    decided_on  date         not null,
    event_at    timestamptz
);
create index discipline_record_nip on discipline_record (nip, decided_on);

-- asn.competency.v1 assessment-recorded / gap-changed: the JPM against the current position (purpose MAPPING)
create table competency_match (
    nip               varchar(18)  primary key,
    position_code     varchar(50),
    jpm               numeric(5,2),             -- null: no gap (no position, or left)
    category          varchar(30),
    coverage          numeric(5,4),
    standard_version  integer,
    policy_version    integer,
    event_id          varchar(100) not null,
    event_type        varchar(100) not null,
    event_at          timestamptz,
    event_time        bigint       not null default 0   -- ce_time in microseconds: an older event never overrides
);

create table assessment_replica (
    assessment_id  varchar(40)  primary key,
    nip            varchar(18)  not null,
    assessed_on    date         not null,
    method         varchar(30),
    purpose        varchar(20),
    supersedes     varchar(40),
    event_id       varchar(100) not null
);
create index assessment_replica_nip on assessment_replica (nip, assessed_on);

-- asn.competency.standard-published.v1: positions with their own standard (the merit index pre-fill)
create table position_standard (
    position_code   varchar(50)  primary key,
    version         integer      not null,
    effective_from  date,
    event_id        varchar(100) not null,
    event_at        timestamptz
);

-- asn.training.v1 recorded / verified / rejected: each record as training-service last published it
create table training_record_replica (
    record_id         varchar(40)  primary key,
    nip               varchar(18)  not null,
    year              integer      not null,
    method_code       varchar(20),
    title             varchar(500),
    end_date          date,
    jp                numeric(8,2),
    recognised_jp     numeric(8,2),
    status            varchar(10)  not null,    -- PENDING, VERIFIED, REJECTED
    leadership_level  varchar(10),              -- PKP, PKA, PKN_II, PKN_I
    source_version    bigint       not null default 0,
    event_id          varchar(100) not null,
    event_at          timestamptz
);
create index training_record_replica_nip on training_record_replica (nip, year);
create index training_record_replica_leadership on training_record_replica (nip) where leadership_level is not null and status = 'VERIFIED';

-- the person's recognised JP of a year against the requirement, as the newest training event said it
create table jp_year (
    nip            varchar(18)  not null,
    year           integer      not null,
    recognised_jp  numeric(8,2) not null,
    required_jp    numeric(8,2) not null,
    event_id       varchar(100) not null,
    event_at       timestamptz,
    event_time     bigint       not null default 0,
    primary key (nip, year)
);

-- potential tests: owned here (no other service holds them), POST /api/v1/merit-profiles/{nip}/potential-tests
create table potential_test (
    id           uuid          primary key,
    nip          varchar(18)   not null,
    year         integer       not null,
    score        numeric(5,2)  not null,
    instrument   varchar(200)  not null,
    assessed_on  date          not null,
    recorded_by  varchar(200)  not null,
    recorded_at  timestamptz   not null default now()
);
create index potential_test_nip on potential_test (nip, year);

-- the current merit profile per person and year; body is the whole API view (reasons, inputs) as computed
create table merit_profile (
    nip                       varchar(18)   not null,
    year                      integer       not null,
    revision                  integer       not null,   -- 1, 2, ... per (nip, year): the history's order
    policy_version            integer       not null,
    performance_score         numeric(5,2),
    performance_axis          varchar(6),
    potential_score           numeric(5,2),
    potential_axis            varchar(6),
    box                       smallint,                 -- null while performance or potential is unknown
    merit_score               numeric(5,2),
    eligible_for_talent_pool  boolean       not null default false,
    gender                    varchar(1),
    birth_date                date,
    org_unit_code             varchar(50),
    org_unit_path             varchar(1000),
    fingerprint               varchar(64)   not null,   -- hash of the result without time and cause: unchanged → no new revision
    body                      jsonb         not null,
    cause_type                varchar(20)   not null,   -- EVENT, POLICY, POTENTIAL_TEST, REBUILD
    cause                     varchar(200)  not null,   -- the ce_id, the policy version, the test id
    cause_event_type          varchar(100),
    computed_at               timestamptz   not null,
    primary key (nip, year)
);
create index merit_profile_scope on merit_profile (year, org_unit_path text_pattern_ops, nip);
create index merit_profile_box on merit_profile (year, box, nip);

-- every revision of a profile, with the cause; append-only
create table merit_profile_history (
    id                bigserial     primary key,
    nip               varchar(18)   not null,
    year              integer       not null,
    revision          integer       not null,
    policy_version    integer       not null,
    box               smallint,
    merit_score       numeric(5,2),
    cause_type        varchar(20)   not null,
    cause             varchar(200)  not null,
    cause_event_type  varchar(100),
    body              jsonb         not null,
    computed_at       timestamptz   not null,
    unique (nip, year, revision)
);

-- a recomputation of every profile of a year under a new policy version (asynchronous; progress readable)
create table recompute_job (
    id              uuid          primary key,
    policy_version  integer       not null,
    year            integer       not null,
    status          varchar(12)   not null,   -- QUEUED, RUNNING, DONE, FAILED
    total           integer       not null default 0,
    processed       integer       not null default 0,
    changed         integer       not null default 0,
    error           varchar(2000),
    requested_by    varchar(200)  not null,
    created_at      timestamptz   not null default now(),
    started_at      timestamptz,
    finished_at     timestamptz
);

-- promotion rankings: stored as decided (body = the whole view), never recomputed
create table promotion_ranking (
    id                    uuid          primary key,
    target_position_code  varchar(50)   not null,
    org_unit_code         varchar(50),
    subtree               boolean       not null default true,
    year                  integer       not null,
    policy_version        integer       not null,
    candidates            integer       not null,
    eligible              integer       not null,
    body                  jsonb         not null,
    requested_by          varchar(200)  not null,
    computed_at           timestamptz   not null
);
create index promotion_ranking_year on promotion_ranking (year, computed_at desc);

-- the merit index self-assessment (domain reference §8): indicator definitions are data, editable by ADMIN
create table merit_index_indicator (
    code          varchar(20)    primary key,    -- e.g. 1.1
    aspect_code   varchar(10)    not null,       -- 1..8
    aspect_name   varchar(200)   not null,
    name          varchar(500)   not null,
    weight        numeric(6,3)   not null,       -- all weights sum to 100: total = Σ weight × score (1..4) = 100..400
    measure       varchar(40),                   -- what the suite pre-fills it from, or null (entered by the institution)
    sort_order    integer        not null,
    active        boolean        not null default true,
    version       bigint         not null default 0,
    updated_by    varchar(200),
    updated_at    timestamptz    not null default now()
);

create table merit_index_assessment (
    id              uuid          primary key,
    year            integer       not null,
    org_unit_code   varchar(50)   not null,
    status          varchar(12)   not null,    -- DRAFT, SUBMITTED, VERIFIED
    policy_version  integer       not null,
    body            jsonb         not null,    -- aspects[] with indicators (score, evidence, prefilled)
    total           numeric(6,2),
    category        varchar(4),
    version         bigint        not null default 0,
    created_by      varchar(200)  not null,
    created_at      timestamptz   not null default now(),
    submitted_by    varchar(200),
    submitted_at    timestamptz,
    verified_by     varchar(200),
    verified_at     timestamptz,
    unique (org_unit_code, year)
);

-- the policy gains the rules issue #9 needs; existing versions get the defaults of SYSTEM.md / the reference, so a
-- version names every rule it was computed with
update merit_policy set body = ((body::jsonb) || '{
  "performanceFallbackYears": 1,
  "qualificationScores": {"meets": 100, "levelsShort": [60, 30, 0]},
  "potentialTestValidityYears": 3,
  "nationalPoolBoxes": [9],
  "promotion": {"minimumSkpRating": "BAIK", "skpYears": 2},
  "fairness": {"impactRatioThreshold": 0.8, "minGroupSize": 5},
  "meritIndexBands": [
    {"category": "I", "label": "Buruk", "from": 100},
    {"category": "II", "label": "Kurang", "from": 175},
    {"category": "III", "label": "Baik", "from": 250},
    {"category": "IV", "label": "Sangat Baik", "from": 325}
  ]
}'::jsonb)::text
where not ((body::jsonb) ? 'qualificationScores');

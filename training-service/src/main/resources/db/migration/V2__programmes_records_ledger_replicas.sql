-- Issue #8. Training programmes, training records (the JP log), the JP ledger per person-year, the threshold
-- marker, and the replicas training-service keeps of other services' data (from events only).

-- Which methods are leadership training (reference §5.4): KL01 "Pelatihan Struktural Kepemimpinan" is the
-- method; the level (PKP, PKA, PKN_II, PKN_I) sits on the programme or the record.
alter table learning_method add column counts_as_leadership boolean not null default false;
update learning_method set counts_as_leadership = true where code = 'KL01';

-- Catalogue of training programmes.
create table training_program (
    code             varchar(50)  primary key,
    title            varchar(300) not null,
    method_code      varchar(10)  not null references learning_method (code),
    organizer        varchar(300) not null,
    jp               numeric(7, 2) not null check (jp > 0),
    competency_codes varchar(50)[] not null default '{}',
    leadership_level varchar(10),                      -- PKP, PKA, PKN_II, PKN_I
    active           boolean      not null default true,
    version          bigint       not null default 0,
    created_at       timestamptz  not null default now(),
    updated_at       timestamptz  not null default now()
);

-- The JP log. jp is as stated on the certificate (reference §5.2); duration_minutes is kept when the JP was
-- converted from a duration. status PENDING -> VERIFIED | REJECTED.
create table training_record (
    id                 uuid         primary key,
    nip                varchar(18)  not null,
    program_code       varchar(50)  references training_program (code),
    title              varchar(300) not null,
    method_code        varchar(10)  not null references learning_method (code),
    organizer          varchar(300) not null,
    start_date         date         not null,
    end_date           date         not null,
    year               integer      not null,           -- the calendar year of end_date (SYSTEM.md §4)
    jp                 numeric(7, 2) not null check (jp > 0),
    duration_minutes   integer,
    certificate_number varchar(200) not null,
    competency_codes   varchar(50)[] not null default '{}',
    leadership_level   varchar(10),
    cost               bigint,                          -- rupiah, for plan realisation
    status             varchar(10)  not null,
    decided_by         varchar(200),
    decided_at         timestamptz,
    decision_reason    varchar(1000),
    submitted_by       varchar(200) not null,
    source             varchar(10)  not null default 'API',   -- API or IMPORT
    import_job_id      uuid,
    version            bigint       not null default 0,
    created_at         timestamptz  not null default now(),
    updated_at         timestamptz  not null default now(),
    check (end_date >= start_date),
    check (status in ('PENDING', 'VERIFIED', 'REJECTED'))
);
-- duplicates by (nip, organizer, certificate number), SYSTEM.md §3; organizer compared case-insensitively
create unique index training_record_certificate on training_record (nip, lower(organizer), certificate_number);
create index training_record_person_year on training_record (nip, year);
create index training_record_year_status on training_record (year, status);

-- The recognised and claimed JP of each person-year, recomputed by JpLedger in the transaction of every change
-- of the person's records (and after a method's caps change). Compliance reads this, never sums the log.
create table jp_person_year (
    nip            varchar(18)   not null,
    year           integer       not null,
    recognised_jp  numeric(9, 2) not null,
    claimed_jp     numeric(9, 2) not null,
    verified_jp    numeric(9, 2) not null,          -- raw JP of VERIFIED records, before caps
    records        integer       not null,
    computed_at    timestamptz   not null default now(),
    primary key (nip, year)
);
create index jp_person_year_year on jp_person_year (year);

-- jp-threshold-reached.v1 exactly once per person-year: the row is inserted (on conflict nothing) in the same
-- transaction as the outbox event, so neither a re-delivery, a recomputation nor a later record repeats it.
create table jp_threshold_reached (
    nip         varchar(18)   not null,
    year        integer       not null,
    required_jp numeric(9, 2) not null,
    reached_jp  numeric(9, 2) not null,
    record_id   uuid,
    reached_at  timestamptz   not null default now(),
    primary key (nip, year)
);

-- Person-years whose ledger row must be recomputed (after a method's caps change); drained in batches.
create table jp_recompute_pending (
    nip       varchar(18) not null,
    year      integer     not null,
    queued_at timestamptz not null default now(),
    primary key (nip, year)
);

-- The JP requirement per employment type (SYSTEM.md §6.3, reference §5.1: PPPK's minimum UNCONFIRMED), versioned.
create table jp_requirement_policy (
    version     integer      primary key,
    required    jsonb        not null,       -- {"PNS": 20, "CPNS": 20, "PPPK": 20}
    default_jp  numeric(7,2) not null,       -- for an employment type not listed
    changed_by  varchar(200) not null,
    changed_at  timestamptz  not null default now(),
    reason      varchar(1000)
);
insert into jp_requirement_policy (version, required, default_jp, changed_by, reason)
values (1, '{"PNS": 20, "CPNS": 20, "PPPK": 20}', 20, 'system',
        'PP 11/2017 art. 203(4) as amended by PP 17/2020: 20 JP a year; PPPK minimum UNCONFIRMED (reference §5.1)');

-- Replicas from asn.org.v1 (key: unit or position code).
create table org_unit_replica (
    code            varchar(50)   primary key,
    name            varchar(300),
    parent_code     varchar(50),
    path            varchar(2000),
    level           varchar(30),
    status          varchar(20),
    last_event_id   varchar(100)  not null,
    updated_at      timestamptz   not null default now()
);
create index org_unit_replica_path on org_unit_replica (path varchar_pattern_ops);

create table position_replica (
    code                         varchar(50)  primary key,
    title                        varchar(300),
    org_unit_code                varchar(50),
    type                         varchar(30),
    functional_level             varchar(30),
    grade                        integer,
    min_rank                     varchar(10),
    min_education_level          varchar(10),
    required_leadership_training varchar(10),
    status                       varchar(20),
    last_event_id                varchar(100) not null,
    updated_at                   timestamptz  not null default now()
);
create index position_replica_unit on position_replica (org_unit_code);

-- The competency dictionary as training-service knows it (validation of competencyCodes[]): the seeded codes of
-- PermenPANRB 38/2017, then whatever asn.competency.v1 tells (competency-changed, standards, gaps).
create table known_competency (
    code        varchar(50)  primary key,
    name        varchar(300),
    grp         varchar(30),
    retired     boolean      not null default false,
    updated_at  timestamptz  not null default now()
);
insert into known_competency (code, name, grp) values
 ('M.1', 'Integritas', 'MANAJERIAL'), ('M.2', 'Kerja Sama', 'MANAJERIAL'), ('M.3', 'Komunikasi', 'MANAJERIAL'),
 ('M.4', 'Orientasi pada Hasil', 'MANAJERIAL'), ('M.5', 'Pelayanan Publik', 'MANAJERIAL'),
 ('M.6', 'Pengembangan Diri dan Orang Lain', 'MANAJERIAL'), ('M.7', 'Mengelola Perubahan', 'MANAJERIAL'),
 ('M.8', 'Pengambilan Keputusan', 'MANAJERIAL'), ('SK.1', 'Perekat Bangsa', 'SOSIAL_KULTURAL');

-- Each person's latest gaps from asn.competency.gap-changed.v1 (key NIP): one row per competency of the
-- person's current standard, replaced as a whole by each event (older events, by ce_time per NIP, ignored).
create table competency_gap_replica (
    nip              varchar(18)   not null,
    competency_code  varchar(50)   not null,
    position_code    varchar(50),
    required_level   integer       not null,
    actual_level     numeric(3, 1),
    gap              numeric(4, 1),                 -- actual - required: negative is a need; null when not assessed
    importance       varchar(10),
    not_assessed     boolean       not null,
    jpm              numeric(5, 2),
    category         varchar(40),
    computed_on      date,
    last_event_id    varchar(100)  not null,
    updated_at       timestamptz   not null default now(),
    primary key (nip, competency_code)
);
create index competency_gap_replica_need on competency_gap_replica (competency_code) where gap < 0 or not_assessed;

-- Learning methods (jalur pengembangan kompetensi, Perlan 10/2018; codes of domain reference §5.3) with their JP
-- recognition rule. Rules are data: null means "as stated on the record". The nonklasikal caps below are one
-- regional app's practice (reference §5.3, UNCONFIRMED as regulation) and are meant to be changed per instansi.
create table learning_method (
    code              varchar(10)  primary key,
    name              varchar(200) not null,
    pathway           varchar(20)  not null,           -- KLASIKAL or NONKLASIKAL
    siasn_id          integer,
    siasn_name        varchar(200),
    certificate_type  varchar(1),                      -- T/F/P in SIASN (reading UNCONFIRMED)
    max_jp_per_record numeric(6, 2),
    max_jp_per_day    numeric(6, 2),
    max_jp_per_year   numeric(6, 2),
    rule_note         varchar(500),
    rule_version      integer      not null default 1,
    version           bigint       not null default 0
);

insert into learning_method (code, name, pathway, siasn_id, siasn_name, certificate_type) values
 ('KL01', 'Pelatihan Struktural Kepemimpinan', 'KLASIKAL', 1, 'Diklat Struktural', 'T'),
 ('KL02', 'Pelatihan Manajerial', 'KLASIKAL', 5, 'Pelatihan Manajerial', 'T'),
 ('KL03', 'Pelatihan Teknis', 'KLASIKAL', 3, 'Diklat Teknis', 'T'),
 ('KL04', 'Pelatihan Fungsional', 'KLASIKAL', 2, 'Diklat Fungsional', 'F'),
 ('KL05', 'Pelatihan Sosial Kultural', 'KLASIKAL', 6, 'Pelatihan Sosial Kultural', 'T'),
 ('KL06', 'Seminar/Konferensi/Sarasehan', 'KLASIKAL', 9, 'Seminar', 'P'),
 ('KL07', 'Workshop/Lokakarya', 'KLASIKAL', 4, 'Workshop', 'P'),
 ('KL08', 'Kursus', 'KLASIKAL', 11, 'Kursus', 'T'),
 ('KL09', 'Penataran', 'KLASIKAL', 12, 'Penataran', 'T'),
 ('KL10', 'Bimbingan Teknis', 'KLASIKAL', 8, 'Bimbingan Teknis', 'T'),
 ('KL11', 'Sosialisasi', 'KLASIKAL', 7, 'Sosialisasi', 'P'),
 ('KL12', 'Klasikal lainnya', 'KLASIKAL', 13, 'Pengembangan Kompetensi Dalam Bentuk Pelatihan klasikal lainnya', 'T');

insert into learning_method (code, name, pathway, siasn_id, siasn_name) values
 ('NKL01', 'Coaching', 'NONKLASIKAL', 14, 'Coaching'),
 ('NKL02', 'Mentoring', 'NONKLASIKAL', 15, 'Mentoring'),
 ('NKL03', 'E-learning', 'NONKLASIKAL', 16, 'E-Learning'),
 ('NKL04', 'Pelatihan Jarak Jauh', 'NONKLASIKAL', 17, 'Pelatihan Jarak Jauh'),
 ('NKL05', 'Detasering (secondment)', 'NONKLASIKAL', 18, 'Detasering (Secondment)'),
 ('NKL06', 'Pembelajaran Alam Terbuka (outbound)', 'NONKLASIKAL', 19, 'Pembelajaran Alam Terbuka (Outbond)'),
 ('NKL07', 'Patok Banding (benchmarking)', 'NONKLASIKAL', 20, 'Patok Banding (Benchmarking)'),
 ('NKL08', 'Pertukaran PNS dengan pegawai swasta/BUMN/BUMD', 'NONKLASIKAL', 21, 'Pertukaran Antara PNS Dengan Pegawai Swasta/BUMN/BUMD'),
 ('NKL09', 'Belajar Mandiri (self development)', 'NONKLASIKAL', 22, 'Belajar Mandiri (Self Development)'),
 ('NKL10', 'Komunitas Belajar (community of practice)', 'NONKLASIKAL', 23, 'Komunitas Belajar (Community Of Practices)'),
 ('NKL11', 'Bimbingan di Tempat Kerja', 'NONKLASIKAL', 24, 'Bimbingan Di Tempat Kerja'),
 ('NKL12', 'Magang/Praktik Kerja', 'NONKLASIKAL', 10, 'Magang'),
 ('NKL13', 'Nonklasikal lainnya', 'NONKLASIKAL', 25, 'Pengembangan Kompetensi Dalam Bentuk Pelatihan Nonklasikal Lainnya');

update learning_method set max_jp_per_record = 2, rule_note = 'mentoring: 2 JP per session (regional practice, UNCONFIRMED)' where code = 'NKL02';
update learning_method set max_jp_per_record = 20, rule_note = 'detasering: 20 JP (regional practice, UNCONFIRMED)' where code = 'NKL05';
update learning_method set max_jp_per_record = 10, rule_note = 'patok banding: 10 JP (regional practice, UNCONFIRMED)' where code = 'NKL07';
update learning_method set max_jp_per_day = 2, rule_note = 'belajar mandiri: at most 2 JP per day (regional practice, UNCONFIRMED)' where code = 'NKL09';

-- What training-service knows of each employee, built only from asn.employee.v1 events.
create table employee_replica (
    nip             varchar(18)  primary key,
    name            varchar(300),
    gender          varchar(1),
    birth_date      date,
    employment_type varchar(10),
    rank            varchar(10),
    position_code   varchar(50),
    position_type   varchar(30),
    org_unit_code   varchar(50),
    org_unit_path   varchar(2000),
    status          varchar(20),
    source_version  bigint       not null,   -- the employee's version in employee-service
    last_event_id   varchar(100) not null,
    last_event_type varchar(100) not null,
    updated_at      timestamptz  not null default now()
);
create index employee_replica_unit on employee_replica (org_unit_path varchar_pattern_ops);

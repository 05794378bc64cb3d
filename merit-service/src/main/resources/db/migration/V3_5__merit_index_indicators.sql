-- The merit index self-assessment (domain reference §8): the indicator definitions as data an ADMIN edits.
--
-- The 8 aspects are those of domain.md §8.2 (KASN, 2022). The sub-indicators below are a working list written for
-- this suite: the official list of Peraturan KASN 9/2019 (often said to be 33 sub-aspects) is UNCONFIRMED
-- (domain.md §10 item 9), so an ADMIN adjusts names, weights and the set through
-- PUT /api/v1/merit-index-assessments/indicators. Weights of the active indicators sum to 100 and each indicator is
-- scored 1..4, so a total = Σ weight × score runs 100..400, the range of §8.3.
--
-- measure: the read-model figure the suite pre-fills the indicator from (null: entered by the institution);
-- score_thresholds: the share (percent) cut-offs t1 < t2 < t3 as a JSON array: share < t1 → 1, < t2 → 2, < t3 → 3,
-- else 4 (data, not code).
alter table merit_index_indicator add column description varchar(2000);
alter table merit_index_indicator add column score_thresholds varchar(200);

insert into merit_index_indicator (code, aspect_code, aspect_name, name, description, weight, measure, score_thresholds, sort_order, updated_by) values
('1.1', '1', 'Perencanaan kebutuhan', 'Job and workload analysis for every unit (analisis jabatan dan analisis beban kerja)',
    'Every unit has a current job analysis and workload analysis that the needs plan is built on.', 4, null, null, 110, 'system'),
('1.2', '1', 'Perencanaan kebutuhan', 'Five-year ASN needs plan by position (rencana kebutuhan ASN 5 tahun)',
    'A needs plan per position type and level for five years, set by the head of the instansi.', 4, null, null, 120, 'system'),
('1.3', '1', 'Perencanaan kebutuhan', 'Annual needs proposal grounded in the plan (usulan kebutuhan/formasi)',
    'The yearly formation proposal follows the five-year plan and the workload analysis.', 4, null, null, 130, 'system'),
('2.1', '2', 'Pengadaan', 'Open and competitive recruitment (seleksi terbuka CASN dan PPPK)',
    'Vacancies are announced publicly with their requirements; anyone qualified may apply.', 4, null, null, 210, 'system'),
('2.2', '2', 'Pengadaan', 'Selection by competency through the national CAT system (seleksi berbasis CAT)',
    'Basic and field competency tests use the national computer-assisted test.', 4, null, null, 220, 'system'),
('2.3', '2', 'Pengadaan', 'Probation and orientation completed (masa percobaan, Latsar CPNS)',
    'New CPNS complete basic training and probation before appointment as PNS.', 4, null, null, 230, 'system'),
('3.1', '3', 'Pengembangan karier', 'Positions with their own competency standard (standar kompetensi jabatan)',
    'Share of active positions of the instansi that have a competency standard of their own (not only the template).', 4,
    'POSITIONS_WITH_OWN_STANDARD', '[25, 50, 75]', 310, 'system'),
('3.2', '3', 'Pengembangan karier', 'Employees assessed in the last 3 years (pemetaan kompetensi)',
    'Share of active employees with a competency assessment within 3 years before the assessment date.', 4,
    'ASSESSED_LAST_3_YEARS', '[25, 50, 75]', 320, 'system'),
('3.3', '3', 'Pengembangan karier', 'Employees with at least 20 JP of development last year (pengembangan kompetensi 20 JP)',
    'Share of active employees whose recognised JP of the year before reached their requirement (PP 11/2017 art. 203(4)).', 4,
    'JP_20_LAST_YEAR', '[25, 50, 75]', 330, 'system'),
('3.4', '3', 'Pengembangan karier', 'Talent management and career patterns in place (manajemen talenta, pola karier)',
    'A talent pool from the 9-box and a career pattern set by the instansi.', 4, null, null, 340, 'system'),
('3.5', '3', 'Pengembangan karier', 'Development plan from a needs analysis (rencana pengembangan kompetensi, AKPK)',
    'The annual development plan follows the competency gaps (AKPK).', 4, null, null, 350, 'system'),
('4.1', '4', 'Promosi dan mutasi', 'Open selection for senior posts (seleksi terbuka JPT)',
    'JPT posts are filled by open, competitive selection.', 4, null, null, 410, 'system'),
('4.2', '4', 'Promosi dan mutasi', 'Promotion and transfer by merit and the talent pool',
    'Administrator and supervisor posts are filled from the talent pool by qualification, competency and performance.', 4, null, null, 420, 'system'),
('4.3', '4', 'Promosi dan mutasi', 'Managerial posts held by people with the required leadership training (PKP, PKA, PKN)',
    'Share of filled managerial posts (PENGAWAS, ADMINISTRATOR, JPT_PRATAMA, JPT_MADYA) whose holder has a verified record of the required leadership training or a higher one.', 4,
    'MANAGERIAL_WITH_LEADERSHIP_TRAINING', '[25, 50, 75]', 430, 'system'),
('5.1', '5', 'Manajemen kinerja', 'Individual performance plans aligned with the organisation''s goals (SKP, cascading)',
    'Every SKP follows the performance tree of the instansi.', 4, null, null, 510, 'system'),
('5.2', '5', 'Manajemen kinerja', 'Performance rated and documented for every ASN (penilaian kinerja)',
    'Periodic and annual ratings under PermenPANRB 6/2022, kept on record.', 4, null, null, 520, 'system'),
('5.3', '5', 'Manajemen kinerja', 'Performance results used for career, development and pay (tindak lanjut hasil kinerja)',
    'Ratings feed promotion, development and the performance allowance.', 4, null, null, 530, 'system'),
('6.1', '6', 'Penggajian, penghargaan dan disiplin', 'Allowances by job grade and performance (tunjangan kinerja)',
    'The performance allowance follows the job grade and the performance rating.', 4, null, null, 610, 'system'),
('6.2', '6', 'Penggajian, penghargaan dan disiplin', 'Awards given on merit (penghargaan)',
    'Awards and recognition have published criteria and go to the best performers.', 4, null, null, 620, 'system'),
('6.3', '6', 'Penggajian, penghargaan dan disiplin', 'Discipline enforced and cases handled on time (penegakan disiplin)',
    'Violations are examined and decided under PP 94/2021 within its time limits.', 4, null, null, 630, 'system'),
('7.1', '7', 'Perlindungan dan pelayanan', 'Social protection: pension, health and work-accident cover (jaminan sosial)',
    'Every ASN is enrolled in the pension, health and work-accident schemes.', 4, null, null, 710, 'system'),
('7.2', '7', 'Perlindungan dan pelayanan', 'Legal aid and HR services (bantuan hukum, layanan kepegawaian)',
    'Legal aid is available and HR services have service standards.', 4, null, null, 720, 'system'),
('8.1', '8', 'Sistem informasi', 'HR information system integrated with SIASN',
    'The instansi''s HR system exchanges data with SIASN.', 4, null, null, 810, 'system'),
('8.2', '8', 'Sistem informasi', 'Data of every ASN complete and up to date (pemutakhiran data)',
    'Personal, position, rank, education and training data are complete and current.', 4, null, null, 820, 'system'),
('8.3', '8', 'Sistem informasi', 'Merit information open to the ASN (transparansi)',
    'Vacancies, selection results and the merit index are published to the ASN.', 4, null, null, 830, 'system');

-- definitions start at version 1 (the ETag a first change names)
update merit_index_indicator set version = 1;

-- the merit index of a unit and year is looked up by both (the unique constraint); lists are by year first
create index merit_index_assessment_year on merit_index_assessment (year desc, org_unit_code);

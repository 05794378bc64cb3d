-- Org tree for ministries too: a unit's level follows from its depth (root = 1), up to asn.org.max-depth.
-- Depths 1-4 keep the names INSTANSI, PERANGKAT_DAERAH, BIDANG, SEKSI; deeper units are LEVEL_5, LEVEL_6, ...
alter table org_unit add column depth smallint;
update org_unit set depth = array_length(string_to_array(path, '/'), 1);
alter table org_unit alter column depth set not null;
alter table org_unit add constraint org_unit_depth_positive check (depth >= 1);
alter table org_unit add constraint org_unit_level_label
    check (level in ('INSTANSI', 'PERANGKAT_DAERAH', 'BIDANG', 'SEKSI') or level ~ '^LEVEL_[0-9]+$');

-- Positions: the minimum education (SD .. S3) merit's qualification part checks; optional.
-- (values of the EducationLevel enum, as employee.education_level)
alter table position add column min_education_level varchar(5);

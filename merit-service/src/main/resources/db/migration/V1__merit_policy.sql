-- Merit policies: the rules of SYSTEM.md §6 as data. Versions are immutable; every computed result names the
-- version it used. Version 1 holds the defaults of SYSTEM.md §6.4 / §6.1 / §6.3.
create table merit_policy (
    version        integer      primary key,
    effective_from date         not null,
    body           text         not null,          -- JSON rules
    note           varchar(1000),
    published_by   varchar(200) not null,
    published_at   timestamptz  not null default now()
);

insert into merit_policy (version, effective_from, body, note, published_by) values (1, date '2024-01-01', '{
  "performanceScores": {"SANGAT_BAIK": 100, "BAIK": 80, "BUTUH_PERBAIKAN": 60, "KURANG": 40, "SANGAT_KURANG": 20},
  "axisCutoffs": {"high": 80, "medium": 60},
  "potentialWeights": {"competency": 40, "potentialTest": 25, "qualification": 20, "integrity": 15},
  "integrityScores": {"none": 100, "light": 50, "moderateOrSevere": 0},
  "disciplineLookbackYears": 2,
  "meritWeights": {"performance": 50, "potential": 50},
  "talentPoolBoxes": [7, 8, 9],
  "jpm": {"mapping": {"optimal": 90, "cukupOptimal": 78}, "selection": {"memenuhiSyarat": 80, "masihMemenuhiSyarat": 68}},
  "requiredJpPerYear": {"PNS": 20, "CPNS": 20, "PPPK": 20}
}', 'defaults of SYSTEM.md §6', 'system');

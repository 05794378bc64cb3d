-- The competency dictionary (PermenPANRB 38/2017). MANAJERIAL and SOSIAL_KULTURAL are the regulation's and are
-- seeded here with the level titles of the domain reference §3.2; TEKNIS and PEMERINTAHAN are added by the instansi.
create table competency (
    code        varchar(20)  primary key,
    grp         varchar(20)  not null,
    name        varchar(200) not null,
    definition  varchar(4000),
    version     bigint       not null default 0,
    created_at  timestamptz  not null default now(),
    updated_at  timestamptz  not null default now()
);

create table competency_level (
    competency_code varchar(20)  not null references competency (code) on delete cascade,
    level           integer      not null check (level between 1 and 5),
    title           varchar(500) not null,
    description     varchar(4000),
    indicators      text         not null default '[]',   -- JSON array of behaviour indicators
    primary key (competency_code, level)
);

insert into competency (code, grp, name) values
 ('M.1', 'MANAJERIAL', 'Integritas'),
 ('M.2', 'MANAJERIAL', 'Kerja Sama'),
 ('M.3', 'MANAJERIAL', 'Komunikasi'),
 ('M.4', 'MANAJERIAL', 'Orientasi pada Hasil'),
 ('M.5', 'MANAJERIAL', 'Pelayanan Publik'),
 ('M.6', 'MANAJERIAL', 'Pengembangan Diri dan Orang Lain'),
 ('M.7', 'MANAJERIAL', 'Mengelola Perubahan'),
 ('M.8', 'MANAJERIAL', 'Pengambilan Keputusan'),
 ('SK.1', 'SOSIAL_KULTURAL', 'Perekat Bangsa');

insert into competency_level (competency_code, level, title) values
 ('M.1', 1, 'Bertindak sesuai nilai, norma, etika organisasi dalam kapasitas pribadi'),
 ('M.1', 2, 'Mengingatkan, mengajak rekan kerja untuk bertindak sesuai nilai, norma, etika'),
 ('M.1', 3, 'Memastikan, menanamkan keyakinan bersama agar anggota yang dipimpin bertindak sesuai nilai (lingkup formal)'),
 ('M.1', 4, 'Menciptakan situasi kerja yang mendorong kepatuhan pada nilai, norma, etika'),
 ('M.1', 5, 'Menjadi role model penerapan standar keadilan dan etika di tingkat nasional'),
 ('M.2', 1, 'Berpartisipasi dalam kelompok kerja'),
 ('M.2', 2, 'Menumbuhkan tim kerja yang partisipatif dan efektif'),
 ('M.2', 3, 'Efektif membangun tim kerja untuk peningkatan kinerja organisasi'),
 ('M.2', 4, 'Membangun komitmen tim, sinergi'),
 ('M.2', 5, 'Menciptakan situasi kerja sama secara konsisten, di dalam maupun di luar instansi'),
 ('M.3', 1, 'Menyampaikan informasi dengan jelas, lengkap, pemahaman yang sama'),
 ('M.3', 2, 'Aktif menjalankan komunikasi formal dan informal; mendengarkan; menyusun materi presentasi, naskah, laporan'),
 ('M.3', 3, 'Berkomunikasi secara asertif; menyampaikan informasi sensitif, rumit, kompleks'),
 ('M.3', 4, 'Mengemukakan pemikiran multidimensi untuk mendorong kesepakatan'),
 ('M.3', 5, 'Menggagas sistem komunikasi terbuka secara strategis'),
 ('M.4', 1, 'Bertanggung jawab memenuhi standar kerja'),
 ('M.4', 2, 'Meningkatkan hasil kerja pribadi di atas standar; mencoba metode alternatif'),
 ('M.4', 3, 'Menetapkan target kerja yang menantang bagi unit kerja'),
 ('M.4', 4, 'Mendorong unit kerja mencapai atau melebihi target'),
 ('M.4', 5, 'Meningkatkan mutu pencapaian kerja organisasi'),
 ('M.5', 1, 'Menjalankan tugas mengikuti standar pelayanan'),
 ('M.5', 2, 'Mensupervisi dan menjelaskan proses pelayanan secara transparan'),
 ('M.5', 3, 'Memanfaatkan kekuatan kelompok serta memperbaiki standar pelayanan di unit kerja'),
 ('M.5', 4, 'Memonitor, mengevaluasi, mengantisipasi dampak isu jangka panjang'),
 ('M.5', 5, 'Memastikan kebijakan pelayanan publik yang objektif, netral, tidak diskriminatif'),
 ('M.6', 1, 'Pengembangan diri'),
 ('M.6', 2, 'Meningkatkan kemampuan bawahan dengan contoh dan penjelasan'),
 ('M.6', 3, 'Memberikan umpan balik, membimbing'),
 ('M.6', 4, 'Menyusun program pengembangan jangka panjang'),
 ('M.6', 5, 'Menciptakan situasi yang mendorong organisasi belajar berkelanjutan'),
 ('M.7', 1, 'Mengikuti perubahan dengan arahan'),
 ('M.7', 2, 'Proaktif beradaptasi mengikuti perubahan'),
 ('M.7', 3, 'Membantu orang lain mengikuti perubahan; mengantisipasi perubahan'),
 ('M.7', 4, 'Memimpin perubahan pada unit kerja'),
 ('M.7', 5, 'Memimpin, menggalang, menggerakkan pemangku kepentingan untuk perubahan berkelanjutan'),
 ('M.8', 1, 'Mengumpulkan informasi untuk bertindak sesuai kewenangan'),
 ('M.8', 2, 'Menganalisis masalah secara mendalam'),
 ('M.8', 3, 'Membandingkan alternatif, menyeimbangkan risiko'),
 ('M.8', 4, 'Menyelesaikan masalah berisiko tinggi, mitigasi risiko'),
 ('M.8', 5, 'Solusi dan keputusan jangka panjang atau strategis, berdampak nasional'),
 ('SK.1', 1, 'Peka memahami dan menerima kemajemukan'),
 ('SK.1', 2, 'Aktif mengembangkan sikap saling menghargai, persamaan dan persatuan'),
 ('SK.1', 3, 'Mempromosikan, mengembangkan sikap toleransi dan persatuan'),
 ('SK.1', 4, 'Mendayagunakan perbedaan secara konstruktif dan kreatif'),
 ('SK.1', 5, 'Wakil pemerintah untuk membangun hubungan sosial psikologis');

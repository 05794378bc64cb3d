-- The domain reference (§3.2) gives one text per level of M.1-M.8 and SK.1 (the "deskripsi" column of the
-- PermenPANRB 38/2017 dictionary as transcribed in anjab.sql), used as the level title. Give the seeded levels
-- that same short text as their description rather than leaving it empty; nothing beyond the reference is added.
-- Behaviour indicators (indikator perilaku) are not in the reference and stay empty until the instansi loads them.
update competency_level
   set description = title
 where description is null
   and competency_code in ('M.1', 'M.2', 'M.3', 'M.4', 'M.5', 'M.6', 'M.7', 'M.8', 'SK.1');

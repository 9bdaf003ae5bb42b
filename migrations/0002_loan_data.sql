-- Loan data: the raw rows of every upload (a partition per position), the uploads and
-- their reports, the segment map, the unit hierarchy as rows say it, and the aggregates
-- the dashboards read (domain.md sections 2-5; issues 3 and 4).

-- One row per account per position date. Columns follow src/ingest/columns.hpp in order
-- (the loader COPYs them by name). Partitioned by month (loan_data_yyyymm) and each month
-- by position (loan_data_yyyymmdd), created by the loader as positions arrive (see
-- loan_data_prepare_position), so replacing or deleting a position touches one table.
-- Only the primary key is indexed: every index slows COPY, and the dashboards read the
-- aggregates below, never this table. upload_id has no foreign key on purpose: a per-row
-- RI check would cost COPY far more than it protects (rows go with their periode).
CREATE TABLE loan_data (
  periode                        date NOT NULL,
  kanca                          text NOT NULL,
  kode_uker                      text NOT NULL,
  uker                           text,
  ln_type                        text,
  nomor_rekening                 text NOT NULL,
  nama_debitur                   text,
  plafon                         numeric(18,2),
  next_pmt_date                  date,
  next_int_pmt_date              date,
  rate                           numeric(9,4),
  tgl_menunggak                  date,
  tgl_realisasi                  date,
  tgl_jatuh_tempo                date,
  jangka_waktu                   integer,
  flag_restruk                   boolean,              -- NULL: the file had no such column (= N)
  cif_no                         text NOT NULL,
  kolektibilitas_lancar          numeric(18,2),
  kolektibilitas_dpk             numeric(18,2),
  kolektibilitas_kurang_lancar   numeric(18,2),
  kolektibilitas_diragukan       numeric(18,2),
  kolektibilitas_macet           numeric(18,2),
  tunggakan_pokok                numeric(18,2),
  tunggakan_bunga                numeric(18,2),
  tunggakan_pinalti              numeric(18,2),
  code                           text NOT NULL,
  description                    text,
  kol_adk                        smallint NOT NULL CHECK (kol_adk BETWEEN 1 AND 5),
  pn_pengelola_singlepn          text,
  pn_pengelola_1                 text,
  pn_pemrakarsa                  text,
  pn_referral                    text,
  pn_restruk                     text,
  pn_pengelola_2                 text,
  pn_pemutus                     text,
  pn_crm                         text,
  pn_rm_referral_naik_segmentasi text,
  pn_rm_crr                      text,
  pn_rm                          text,
  nama_rm                        text,
  os_reported                    numeric(18,2),        -- the file's OS cell as written
  nasabah                        integer,
  dub_nasabah                    boolean,
  os                             numeric(18,2) NOT NULL, -- effective: OS, else Σ KOLEKTIBILITAS
  upload_id                      bigint,               -- the upload that loaded the row
  PRIMARY KEY (periode, nomor_rekening)
) PARTITION BY RANGE (periode);

-- Makes an empty partition ready for position `day`: the month's partition
-- loan_data_yyyymm and the day's loan_data_yyyymmdd are created when missing, and the day's
-- is truncated. A partition per position is what makes replacing a position cheap:
-- TRUNCATE instead of deleting its rows one by one, and COPY into a table created or
-- truncated in the same transaction writes no WAL under wal_level=minimal. Creating a
-- partition locks its parent (the month) against readers until the load commits; only
-- queries on loan_data for that month wait, never the dashboards (they read aggregates).
-- Creating a whole month's days up front would make that once a month, but costs every
-- first load of a month a third of a second (measured), so days are made as they come.
-- A function so the loader binds the date as a parameter instead of building DDL text.
CREATE FUNCTION loan_data_prepare_position(day date) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  month_start date := date_trunc('month', day)::date;
  month_table text := 'loan_data_' || to_char(day, 'YYYYMM');
  day_table text := 'loan_data_' || to_char(day, 'YYYYMMDD');
BEGIN
  IF to_regclass(month_table) IS NULL THEN
    EXECUTE format('CREATE TABLE %I PARTITION OF loan_data FOR VALUES FROM (%L) TO (%L) '
                   'PARTITION BY LIST (periode)',
                   month_table, month_start, (month_start + interval '1 month')::date);
  END IF;
  IF to_regclass(day_table) IS NULL THEN
    EXECUTE format('CREATE TABLE %I PARTITION OF %I FOR VALUES IN (%L)',
                   day_table, month_table, day);
  ELSE
    EXECUTE format('TRUNCATE %I', day_table);
  END IF;
END $$;

-- Removes every row of position `day` (for deleting an upload's positions); false when
-- loan_data never had a partition for it. Callers hold the loader's lock (ingest's
-- LockLoanData) and refresh the position's aggregates (metrics::RefreshAggregates) in the
-- same transaction.
CREATE FUNCTION loan_data_clear_position(day date) RETURNS boolean LANGUAGE plpgsql AS $$
DECLARE
  day_table text := 'loan_data_' || to_char(day, 'YYYYMMDD');
BEGIN
  IF to_regclass(day_table) IS NULL THEN
    RETURN false;
  END IF;
  EXECUTE format('TRUNCATE %I', day_table);
  RETURN true;
END $$;

-- Every upload, from the web form or `smedash import` (the seed's upload_history).
CREATE TABLE uploads (
  id                   bigserial PRIMARY KEY,
  uploaded_by          bigint REFERENCES users (id),   -- NULL: the command line
  file_name            text NOT NULL,                  -- as the admin chose it
  stored_path          text NOT NULL DEFAULT '',       -- relative to the data dir (CLI: absolute)
  file_size            bigint NOT NULL DEFAULT 0,
  sha256               text NOT NULL DEFAULT '',
  number_style         text NOT NULL DEFAULT 'auto' CHECK (number_style IN ('auto', 'id', 'en')),
  notes                text NOT NULL DEFAULT '',
  status               text NOT NULL DEFAULT 'staged'
                       CHECK (status IN ('staged', 'queued', 'processing', 'completed', 'failed',
                                         'cancelled')),
  rows_total           bigint NOT NULL DEFAULT 0,
  rows_accepted        bigint NOT NULL DEFAULT 0,
  rows_rejected        bigint NOT NULL DEFAULT 0,
  warnings             bigint NOT NULL DEFAULT 0,
  rows_replaced        bigint NOT NULL DEFAULT 0,
  unknown_codes        text[] NOT NULL DEFAULT '{}',
  unknown_headers      text[] NOT NULL DEFAULT '{}',
  reader               text NOT NULL DEFAULT '',       -- how the file was read
  decided_number_style text CHECK (decided_number_style IN ('id', 'en')),
  error_key            text,                           -- why the file was refused (i18n key)
  error_args           jsonb,
  error_log            text,                           -- details for the admin and the log
  progress             jsonb NOT NULL DEFAULT '{}',
  attempts             integer NOT NULL DEFAULT 0,
  heartbeat_at         timestamptz,
  created_at           timestamptz NOT NULL DEFAULT now(),
  queued_at            timestamptz,
  started_at           timestamptz,
  completed_at         timestamptz,
  duration_seconds     numeric
);
CREATE INDEX uploads_status_idx ON uploads (status, id);
CREATE INDEX uploads_created_idx ON uploads (created_at DESC);

-- The position dates an upload loaded, and how many rows it replaced in each.
CREATE TABLE upload_periodes (
  upload_id     bigint NOT NULL REFERENCES uploads (id) ON DELETE CASCADE,
  periode       date NOT NULL,
  rows_loaded   bigint NOT NULL DEFAULT 0,
  rows_replaced bigint NOT NULL DEFAULT 0,
  PRIMARY KEY (upload_id, periode)
);
CREATE INDEX upload_periodes_periode_idx ON upload_periodes (periode);

-- Rejected rows and warnings of an upload, in file order (capped per upload).
CREATE TABLE upload_issues (
  upload_id   bigint NOT NULL REFERENCES uploads (id) ON DELETE CASCADE,
  seq         integer NOT NULL,
  line        bigint NOT NULL,          -- 1-based file line; the header is line 1
  column_name text NOT NULL DEFAULT '', -- canonical header; '' for the whole row
  raw_value   text NOT NULL DEFAULT '',
  reason_key  text NOT NULL,            -- i18n key, e.g. 'ingest.reject.amount'
  args        jsonb NOT NULL DEFAULT '{}',
  rejects_row boolean NOT NULL,         -- false: a warning, the row was loaded
  PRIMARY KEY (upload_id, seq)
);

-- Segment of a CODE (domain.md section 4). Data, so admins can edit it; a CODE not listed
-- counts as SMALL NCC and is named in the upload report.
CREATE TABLE segment_map (
  code    text PRIMARY KEY,
  segment text NOT NULL CHECK (segment IN ('MEDIUM', 'SMALL NCC', 'CC', 'KUR'))
);
INSERT INTO segment_map (code, segment) VALUES
  ('42210', 'MEDIUM'), ('42211', 'MEDIUM'), ('43210', 'MEDIUM'), ('43211', 'MEDIUM'),
  ('43206', 'SMALL NCC'), ('43207', 'SMALL NCC'), ('43208', 'SMALL NCC'), ('43209', 'SMALL NCC'),
  ('82201', 'SMALL NCC'), ('82202', 'SMALL NCC'), ('82203', 'SMALL NCC'), ('82204', 'SMALL NCC'),
  ('82205', 'SMALL NCC'), ('42203', 'SMALL NCC'), ('42204', 'SMALL NCC'), ('42205', 'SMALL NCC'),
  ('42206', 'SMALL NCC'), ('42207', 'SMALL NCC'), ('42208', 'SMALL NCC'), ('42209', 'SMALL NCC'),
  ('80064', 'SMALL NCC'),
  ('42110', 'CC'), ('42120', 'CC'), ('42140', 'CC'),
  ('80065', 'KUR');

-- The groups the UI shows, as sets of segments (domain.md section 4).
CREATE TABLE segment_groups (
  group_code text PRIMARY KEY,
  label      text NOT NULL,
  segments   text[] NOT NULL,
  sort_order integer NOT NULL UNIQUE
);
INSERT INTO segment_groups (group_code, label, segments, sort_order) VALUES
  ('SME', 'SME', '{MEDIUM,SMALL NCC,CC,KUR}', 1),
  ('MEDIUM', 'Medium', '{MEDIUM}', 2),
  ('SMALL_KUR', 'Small + KUR', '{SMALL NCC,CC,KUR}', 3),
  ('SMALL', 'Small', '{SMALL NCC,CC}', 4),
  ('SMALL_NCC', 'Small Non CC', '{SMALL NCC}', 5),
  ('CC', 'CC', '{CC}', 6),
  ('KUR', 'KUR', '{KUR}', 7);

-- Units as the rows say (domain.md section 3): name and kanca at the unit's latest
-- position. kanca_key is the normalised kanca (trimmed, spaces collapsed, upper case),
-- the key kanca-level figures are grouped by.
CREATE TABLE units (
  kode_uker    text PRIMARY KEY,
  uker         text,
  kanca        text NOT NULL,
  kanca_key    text NOT NULL,
  last_periode date NOT NULL
);
CREATE INDEX units_kanca_key_idx ON units (kanca_key);

-- Sums at the grain every additive figure needs: position × unit × segment × grade ×
-- restructured flag (issue 4). Kept in the load's transaction.
CREATE TABLE agg_position (
  periode      date NOT NULL,
  kode_uker    text NOT NULL,
  segment      text NOT NULL,
  kol_adk      smallint NOT NULL,
  restructured boolean NOT NULL,
  os           numeric(20,2) NOT NULL,
  accounts     bigint NOT NULL,
  PRIMARY KEY (periode, kode_uker, segment, kol_adk, restructured)
);

-- NSB (distinct CIFNO with os > 0) per position × level × group: a distinct count does
-- not add up, so each level has its own. level_key: kode_uker for 'unit', kanca_key for
-- 'kanca', '' for 'total'.
CREATE TABLE agg_nsb (
  periode    date NOT NULL,
  level      text NOT NULL CHECK (level IN ('unit', 'kanca', 'total')),
  level_key  text NOT NULL,
  group_code text NOT NULL,
  customers  bigint NOT NULL,
  PRIMARY KEY (periode, level, level_key, group_code)
);

-- Bumped by every load and delete: the dashboards' ETag.
CREATE TABLE data_version (
  only_row   boolean PRIMARY KEY DEFAULT true CHECK (only_row),
  version    bigint NOT NULL,
  changed_at timestamptz NOT NULL DEFAULT now()
);
INSERT INTO data_version (version) VALUES (1);

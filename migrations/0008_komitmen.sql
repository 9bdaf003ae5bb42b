-- Monthly targets (komitmen) per unit, from the bank's target file (issue 6). A month has
-- at most one current upload; uploading the month again replaces its units and targets in
-- one transaction, and the replaced upload stays in the history.
CREATE TABLE komitmen_uploads (
  id               bigserial PRIMARY KEY,
  month            date NOT NULL CHECK (month = date_trunc('month', month)::date),
  file_name        text NOT NULL,
  status           text NOT NULL CHECK (status IN ('current', 'replaced', 'deleted')),
  units            integer NOT NULL,          -- unit rows loaded
  rejected         integer NOT NULL,          -- rows left out; why is in issues
  issues           jsonb NOT NULL DEFAULT '[]'::jsonb,  -- rejected rows and warnings
  edits            integer NOT NULL DEFAULT 0, -- cells changed on the page since
  uploaded_by      bigint REFERENCES users (id) ON DELETE SET NULL,
  uploaded_by_name text NOT NULL,
  uploaded_at      timestamptz NOT NULL DEFAULT now(),
  ended_at         timestamptz                -- when replaced or deleted
);
CREATE UNIQUE INDEX komitmen_uploads_current ON komitmen_uploads (month)
  WHERE status = 'current';
CREATE INDEX komitmen_uploads_month ON komitmen_uploads (month, uploaded_at DESC);

-- The units of a month's current upload, as the file names them.
CREATE TABLE komitmen_units (
  month      date NOT NULL,
  kode_uker  text NOT NULL,
  kode_kanca text NOT NULL,
  kanca      text NOT NULL,
  uker       text NOT NULL,
  line       integer NOT NULL,  -- the row in the file, for the admin to find it
  PRIMARY KEY (month, kode_uker)
);

-- One target per unit, group and measure; no row means no target ('-' or empty in the file).
CREATE TABLE komitmen_targets (
  month        date NOT NULL,
  kode_uker    text NOT NULL,
  target_group text NOT NULL
    CHECK (target_group IN ('KUR_RITEL', 'SMALL_SD_5M', 'KECIL_NCC', 'KECIL_CC')),
  measure      text NOT NULL CHECK (measure IN ('DEB', 'OS', 'PL', 'NPL', 'DPK')),
  -- DEB: debtors; the others: rupiah (the file's Rp juta × 1,000,000), like loan_data.
  value        numeric(20, 2) NOT NULL CHECK (value >= 0),
  PRIMARY KEY (month, kode_uker, target_group, measure),
  FOREIGN KEY (month, kode_uker) REFERENCES komitmen_units (month, kode_uker)
    ON DELETE CASCADE
);

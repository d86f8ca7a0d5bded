-- Row-level security applies to the table owner too (see 0003).
ALTER TABLE ledger_rollups FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE ledger_folds FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
-- Only folding writes the rollups, and it only adds to them.
REVOKE DELETE ON ledger_rollups, ledger_folds FROM ez360pm_app;
--> statement-breakpoint
-- A line also takes its number here, after the company's books lock (shared; the key is db/books-lock.ts's).
-- A fold takes that lock alone and reads the sequence: every line numbered at or below what it reads was
-- then committed or rolled back, because numbering waits for the lock and the lock is held to the end of
-- the posting's transaction. Taking it here makes that hold whatever path inserts the line.
CREATE OR REPLACE FUNCTION journal_line_matches_entry() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  e journal_entries%ROWTYPE;
BEGIN
  SELECT * INTO e FROM journal_entries WHERE id = NEW.entry_id;
  IF e.company_id IS DISTINCT FROM NEW.company_id THEN
    RAISE EXCEPTION 'journal line and entry belong to different companies' USING ERRCODE = 'check_violation';
  END IF;
  IF NOT EXISTS (SELECT 1 FROM accounts WHERE id = NEW.account_id AND company_id = NEW.company_id) THEN
    RAISE EXCEPTION 'journal line account is not this company''s' USING ERRCODE = 'check_violation';
  END IF;
  NEW.entry_date := e.entry_date;
  PERFORM pg_advisory_xact_lock_shared(hashtextextended('books:' || NEW.company_id::text, 0));
  NEW.seq := nextval('journal_lines_seq');
  RETURN NEW;
END
$$;

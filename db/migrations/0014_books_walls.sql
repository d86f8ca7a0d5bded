-- Row-level security applies to the table owner too (see 0003).
ALTER TABLE accounting_periods FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE journal_entries FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE journal_lines FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE payments FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE client_credit_entries FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE credit_applications FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE portal_tokens FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE document_revisions FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE document_signatures FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE recurring_series FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
-- Money records and what a client was shown or signed are never changed: corrections are new rows.
REVOKE UPDATE, DELETE ON journal_entries, journal_lines, payments, client_credit_entries, credit_applications, document_revisions, document_signatures FROM ez360pm_app;
--> statement-breakpoint
CREATE TRIGGER journal_entries_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON journal_entries FOR EACH STATEMENT EXECUTE FUNCTION forbid_change();
--> statement-breakpoint
CREATE TRIGGER journal_lines_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON journal_lines FOR EACH STATEMENT EXECUTE FUNCTION forbid_change();
--> statement-breakpoint
CREATE TRIGGER payments_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON payments FOR EACH STATEMENT EXECUTE FUNCTION forbid_change();
--> statement-breakpoint
CREATE TRIGGER client_credit_entries_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON client_credit_entries FOR EACH STATEMENT EXECUTE FUNCTION forbid_change();
--> statement-breakpoint
CREATE TRIGGER credit_applications_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON credit_applications FOR EACH STATEMENT EXECUTE FUNCTION forbid_change();
--> statement-breakpoint
CREATE TRIGGER document_revisions_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON document_revisions FOR EACH STATEMENT EXECUTE FUNCTION forbid_change();
--> statement-breakpoint
CREATE TRIGGER document_signatures_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON document_signatures FOR EACH STATEMENT EXECUTE FUNCTION forbid_change();
--> statement-breakpoint
-- A line belongs to its entry's company and date; nothing crosses companies.
CREATE FUNCTION journal_line_matches_entry() RETURNS trigger LANGUAGE plpgsql AS $$
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
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER journal_lines_match_entry BEFORE INSERT ON journal_lines FOR EACH ROW EXECUTE FUNCTION journal_line_matches_entry();
--> statement-breakpoint
-- Every entry balances, checked at commit so its lines can be inserted one by one.
CREATE FUNCTION check_entry_balanced() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  -- The entry's id is `id` on journal_entries and `entry_id` on journal_lines (the trigger's argument says which).
  entry uuid := (to_jsonb(NEW) ->> TG_ARGV[0])::uuid;
  debits bigint;
  credits bigint;
  n int;
BEGIN
  SELECT coalesce(sum(debit_cents), 0), coalesce(sum(credit_cents), 0), count(*) INTO debits, credits, n
    FROM journal_lines WHERE entry_id = entry;
  IF n < 2 OR debits <> credits THEN
    RAISE EXCEPTION 'UNBALANCED_ENTRY: entry % has % lines, debits % and credits %', entry, n, debits, credits USING ERRCODE = 'check_violation';
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER journal_entries_balanced AFTER INSERT ON journal_entries DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION check_entry_balanced('id');
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER journal_lines_balanced AFTER INSERT ON journal_lines DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION check_entry_balanced('entry_id');
--> statement-breakpoint
-- Nothing is posted into a closed period, whatever path it takes.
CREATE FUNCTION forbid_closed_period_posting() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM accounting_periods WHERE company_id = NEW.company_id AND status = 'closed'
             AND NEW.entry_date BETWEEN start_date AND end_date) THEN
    RAISE EXCEPTION 'PERIOD_CLOSED: % falls in a closed accounting period', NEW.entry_date USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER journal_entries_open_period BEFORE INSERT ON journal_entries FOR EACH ROW EXECUTE FUNCTION forbid_closed_period_posting();
--> statement-breakpoint
-- Periods never overlap, so "the period of a date" has one answer.
CREATE FUNCTION forbid_overlapping_periods() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM accounting_periods WHERE company_id = NEW.company_id AND id <> NEW.id
             AND daterange(start_date, end_date, '[]') && daterange(NEW.start_date, NEW.end_date, '[]')) THEN
    RAISE EXCEPTION 'PERIOD_OVERLAP: % to % overlaps another period', NEW.start_date, NEW.end_date USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER accounting_periods_no_overlap BEFORE INSERT OR UPDATE ON accounting_periods FOR EACH ROW EXECUTE FUNCTION forbid_overlapping_periods();

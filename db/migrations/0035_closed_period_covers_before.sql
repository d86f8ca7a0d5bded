-- Nothing is posted into a closed period, nor into a day no period covers before a closed one: the
-- balances a closed period reports include every earlier day (db/periods.ts#assertOpenPeriod says so
-- first; this holds whatever path inserts the entry).
CREATE OR REPLACE FUNCTION forbid_closed_period_posting() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM accounting_periods WHERE company_id = NEW.company_id AND status = 'closed'
             AND NEW.entry_date BETWEEN start_date AND end_date) THEN
    RAISE EXCEPTION 'PERIOD_CLOSED: % falls in a closed accounting period', NEW.entry_date USING ERRCODE = 'check_violation';
  END IF;
  IF NOT EXISTS (SELECT 1 FROM accounting_periods WHERE company_id = NEW.company_id AND NEW.entry_date BETWEEN start_date AND end_date)
     AND EXISTS (SELECT 1 FROM accounting_periods WHERE company_id = NEW.company_id AND status = 'closed' AND start_date > NEW.entry_date) THEN
    RAISE EXCEPTION 'PERIOD_CLOSED: % comes before a closed accounting period and no period covers it', NEW.entry_date USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END
$$;

-- The balance check read its entry's id through to_jsonb(NEW), converting the whole row at each of
-- an entry's (1 + lines) firings; reading the field by table is cheaper (docs/benchmarks.md).
-- Same rule, same triggers (their argument is no longer read).
CREATE OR REPLACE FUNCTION check_entry_balanced() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  entry uuid;
  debits bigint;
  credits bigint;
  n int;
BEGIN
  -- The entry's id is `id` on journal_entries and `entry_id` on journal_lines.
  IF TG_TABLE_NAME = 'journal_entries' THEN
    entry := NEW.id;
  ELSE
    entry := NEW.entry_id;
  END IF;
  SELECT coalesce(sum(debit_cents), 0), coalesce(sum(credit_cents), 0), count(*) INTO debits, credits, n
    FROM journal_lines WHERE entry_id = entry;
  IF n < 2 OR debits <> credits THEN
    RAISE EXCEPTION 'UNBALANCED_ENTRY: entry % has % lines, debits % and credits %', entry, n, debits, credits USING ERRCODE = 'check_violation';
  END IF;
  RETURN NULL;
END
$$;

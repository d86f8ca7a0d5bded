-- The lock as domain/documents/status.ts#isLocked now has it: an expired estimate may take new dates
-- and be sent again as its next revision, so it is no longer locked; accepted, declined and converted
-- estimates are. (The triggers of 0019 call this function; they are unchanged.)
CREATE OR REPLACE FUNCTION document_is_locked(kind text, status text) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN kind = 'estimate' THEN status NOT IN ('draft', 'sent', 'expired') ELSE status <> 'draft' END
$$;

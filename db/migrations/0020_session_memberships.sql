-- Loading a session read the user's memberships in a transaction of its own (BEGIN, set_config,
-- SELECT, COMMIT: four round trips on every request). This function does the same in one
-- statement: it scopes the statement's own transaction to the session's user, so row-level
-- security on memberships and companies applies exactly as before, then reads them. A token
-- hash that matches no live session scopes to nobody and returns nothing.
CREATE FUNCTION session_memberships(p_token_hash text)
RETURNS TABLE (company_id uuid, company_name text, role text, require_totp_for_managers boolean)
LANGUAGE plpgsql VOLATILE AS $$
BEGIN
  PERFORM set_config('app.user_id', coalesce((SELECT s.user_id::text FROM sessions s WHERE s.token_hash = p_token_hash AND s.expires_at > now()), ''), true);
  RETURN QUERY
    SELECT c.id, c.name, m.role, c.require_totp_for_managers
    FROM memberships m JOIN companies c ON c.id = m.company_id
    WHERE m.user_id = nullif(current_setting('app.user_id', true), '')::uuid
    ORDER BY m.created_at, c.name;
END
$$;

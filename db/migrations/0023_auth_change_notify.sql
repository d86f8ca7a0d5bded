-- A change to what a loaded session grants is announced on the `auth_changed` channel, so API
-- processes that keep loaded sessions for a moment (api/session-cache.ts) drop what changed.
-- The database announces it whoever writes: an API process, the worker, someone at psql.
-- Payload: 's:<token hash>' (one session), 'u:<user id>' (a user and their memberships),
-- 'c:<company id>' (a company's name or 2FA policy).
CREATE FUNCTION notify_auth_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  key text;
BEGIN
  IF TG_OP = 'INSERT' THEN
    key := to_jsonb(NEW) ->> TG_ARGV[1];
  ELSE
    key := to_jsonb(OLD) ->> TG_ARGV[1];
  END IF;
  PERFORM pg_notify('auth_changed', TG_ARGV[0] || ':' || key);
  RETURN NULL;
END
$$;
--> statement-breakpoint
-- Presence (last_seen_at, written once a minute) too: idleness is judged from it.
CREATE TRIGGER sessions_auth_changed AFTER UPDATE OR DELETE ON sessions FOR EACH ROW EXECUTE FUNCTION notify_auth_changed('s', 'token_hash');
--> statement-breakpoint
CREATE TRIGGER users_auth_changed AFTER UPDATE OR DELETE ON users FOR EACH ROW EXECUTE FUNCTION notify_auth_changed('u', 'id');
--> statement-breakpoint
CREATE TRIGGER memberships_auth_changed AFTER INSERT OR UPDATE OR DELETE ON memberships FOR EACH ROW EXECUTE FUNCTION notify_auth_changed('u', 'user_id');
--> statement-breakpoint
CREATE TRIGGER companies_auth_changed AFTER UPDATE OR DELETE ON companies FOR EACH ROW EXECUTE FUNCTION notify_auth_changed('c', 'id');

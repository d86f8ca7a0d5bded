-- Row-level security applies to the table owner too (see 0003).
ALTER TABLE client_contacts FORCE ROW LEVEL SECURITY;

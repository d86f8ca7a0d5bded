-- Row-level security applies to the table owner too (see 0003).
ALTER TABLE vendors FORCE ROW LEVEL SECURITY;

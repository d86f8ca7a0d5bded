-- Row-level security applies to the table owner too (see 0003).
ALTER TABLE project_files FORCE ROW LEVEL SECURITY;

-- Row-level security applies to the table owner too (see 0003).
ALTER TABLE number_sequences FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE clients FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE catalog_items FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE projects FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE project_members FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE project_services FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE time_entries FORCE ROW LEVEL SECURITY;

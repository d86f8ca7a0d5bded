DROP INDEX "journal_lines_entry_idx";--> statement-breakpoint
CREATE INDEX "journal_lines_entry_idx" ON "journal_lines" USING btree ("entry_id","company_id");
DROP INDEX "documents_company_kind_idx";--> statement-breakpoint
DROP INDEX "documents_client_idx";--> statement-breakpoint
CREATE INDEX "documents_company_kind_idx" ON "documents" USING btree ("company_id","kind","created_at","id");--> statement-breakpoint
CREATE INDEX "documents_client_idx" ON "documents" USING btree ("company_id","client_id","kind","created_at","id");
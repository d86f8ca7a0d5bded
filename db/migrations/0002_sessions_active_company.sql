ALTER TABLE "sessions" DROP CONSTRAINT "sessions_company_id_companies_id_fk";
--> statement-breakpoint
ALTER TABLE "sessions" DROP COLUMN "company_id";
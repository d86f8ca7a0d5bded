ALTER TABLE "company_settings" ADD COLUMN "email" text;--> statement-breakpoint
ALTER TABLE "company_settings" ADD COLUMN "phone" text;--> statement-breakpoint
ALTER TABLE "company_settings" ADD COLUMN "address" jsonb DEFAULT '{}'::jsonb NOT NULL;
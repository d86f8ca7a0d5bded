CREATE TABLE "client_contacts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"company_id" uuid NOT NULL,
	"client_id" uuid NOT NULL,
	"name" text NOT NULL,
	"email" text,
	"phone" text,
	"title" text,
	"is_primary" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "client_contacts" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "client_contacts" ADD CONSTRAINT "client_contacts_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "client_contacts" ADD CONSTRAINT "client_contacts_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "client_contacts_client_idx" ON "client_contacts" USING btree ("company_id","client_id");--> statement-breakpoint
CREATE UNIQUE INDEX "client_contacts_one_primary" ON "client_contacts" USING btree ("client_id") WHERE "client_contacts"."is_primary" and "client_contacts"."deleted_at" is null;--> statement-breakpoint
CREATE POLICY "client_contacts_tenant" ON "client_contacts" AS PERMISSIVE FOR ALL TO public USING ("client_contacts"."company_id" = nullif(current_setting('app.company_id', true), '')::uuid) WITH CHECK ("client_contacts"."company_id" = nullif(current_setting('app.company_id', true), '')::uuid);
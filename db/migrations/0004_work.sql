CREATE TABLE "catalog_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"company_id" uuid NOT NULL,
	"type" text NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"rate_cents" bigint NOT NULL,
	"currency" text NOT NULL,
	"taxable" boolean DEFAULT false NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "catalog_items_rate" CHECK ("catalog_items"."rate_cents" >= 0)
);
--> statement-breakpoint
ALTER TABLE "catalog_items" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "clients" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"company_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"email" text,
	"phone" text,
	"tax_id" text,
	"currency" text NOT NULL,
	"payment_terms_days" integer NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"address" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"rounding_increment_minutes" integer,
	"rounding_mode" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	CONSTRAINT "clients_terms" CHECK ("clients"."payment_terms_days" between 0 and 365),
	CONSTRAINT "clients_currency" CHECK ("clients"."currency" ~ '^[A-Z]{3}$')
);
--> statement-breakpoint
ALTER TABLE "clients" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "number_sequences" (
	"company_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"period_key" text NOT NULL,
	"last_value" integer NOT NULL,
	CONSTRAINT "number_sequences_company_id_kind_period_key_pk" PRIMARY KEY("company_id","kind","period_key")
);
--> statement-breakpoint
ALTER TABLE "number_sequences" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "project_members" (
	"company_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	CONSTRAINT "project_members_project_id_user_id_pk" PRIMARY KEY("project_id","user_id")
);
--> statement-breakpoint
ALTER TABLE "project_members" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "project_services" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"company_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"catalog_item_id" uuid,
	"name" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "project_services" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "projects" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"company_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"number" text NOT NULL,
	"name" text NOT NULL,
	"client_id" uuid,
	"status" text DEFAULT 'active' NOT NULL,
	"billing_type" text NOT NULL,
	"hourly_rate_cents" bigint,
	"flat_fee_cents" bigint,
	"budget_minutes" integer,
	"budget_cents" bigint,
	"currency" text NOT NULL,
	"rounding_increment_minutes" integer,
	"rounding_mode" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	CONSTRAINT "projects_money" CHECK (coalesce("projects"."hourly_rate_cents", 0) >= 0 and coalesce("projects"."flat_fee_cents", 0) >= 0 and coalesce("projects"."budget_cents", 0) >= 0 and coalesce("projects"."budget_minutes", 0) >= 0)
);
--> statement-breakpoint
ALTER TABLE "projects" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "time_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"company_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"client_id" uuid,
	"catalog_item_id" uuid,
	"service_name" text DEFAULT '' NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"work_date" text NOT NULL,
	"started_at" timestamp with time zone,
	"duration_seconds" integer NOT NULL,
	"billable" boolean DEFAULT true NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"source_key" text,
	"submitted_at" timestamp with time zone,
	"approved_at" timestamp with time zone,
	"approved_by" uuid,
	"rejection_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "time_entries_duration" CHECK ("time_entries"."duration_seconds" > 0 and "time_entries"."duration_seconds" <= 86400),
	CONSTRAINT "time_entries_work_date" CHECK ("time_entries"."work_date" ~ '^\d{4}-\d{2}-\d{2}$')
);
--> statement-breakpoint
ALTER TABLE "time_entries" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "company_settings" ADD COLUMN "rounding_increment_minutes" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "company_settings" ADD COLUMN "rounding_mode" text DEFAULT 'up' NOT NULL;--> statement-breakpoint
ALTER TABLE "company_settings" ADD COLUMN "timer_auto_stop_hours" integer DEFAULT 10 NOT NULL;--> statement-breakpoint
ALTER TABLE "catalog_items" ADD CONSTRAINT "catalog_items_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clients" ADD CONSTRAINT "clients_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "number_sequences" ADD CONSTRAINT "number_sequences_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_members" ADD CONSTRAINT "project_members_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_members" ADD CONSTRAINT "project_members_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_members" ADD CONSTRAINT "project_members_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_services" ADD CONSTRAINT "project_services_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_services" ADD CONSTRAINT "project_services_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_services" ADD CONSTRAINT "project_services_catalog_item_id_catalog_items_id_fk" FOREIGN KEY ("catalog_item_id") REFERENCES "public"."catalog_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "time_entries" ADD CONSTRAINT "time_entries_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "time_entries" ADD CONSTRAINT "time_entries_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "time_entries" ADD CONSTRAINT "time_entries_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "time_entries" ADD CONSTRAINT "time_entries_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "time_entries" ADD CONSTRAINT "time_entries_catalog_item_id_catalog_items_id_fk" FOREIGN KEY ("catalog_item_id") REFERENCES "public"."catalog_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "time_entries" ADD CONSTRAINT "time_entries_approved_by_users_id_fk" FOREIGN KEY ("approved_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "catalog_items_company_idx" ON "catalog_items" USING btree ("company_id","name");--> statement-breakpoint
CREATE INDEX "clients_company_name_idx" ON "clients" USING btree ("company_id","name","id");--> statement-breakpoint
CREATE INDEX "project_services_project_idx" ON "project_services" USING btree ("project_id");--> statement-breakpoint
CREATE UNIQUE INDEX "projects_seq_key" ON "projects" USING btree ("company_id","seq");--> statement-breakpoint
CREATE UNIQUE INDEX "projects_number_key" ON "projects" USING btree ("company_id","number");--> statement-breakpoint
CREATE INDEX "projects_company_status_idx" ON "projects" USING btree ("company_id","status");--> statement-breakpoint
CREATE INDEX "time_entries_company_date_idx" ON "time_entries" USING btree ("company_id","work_date","id");--> statement-breakpoint
CREATE INDEX "time_entries_company_user_idx" ON "time_entries" USING btree ("company_id","user_id","work_date");--> statement-breakpoint
CREATE INDEX "time_entries_company_project_idx" ON "time_entries" USING btree ("company_id","project_id","work_date");--> statement-breakpoint
CREATE INDEX "time_entries_company_status_idx" ON "time_entries" USING btree ("company_id","status","work_date");--> statement-breakpoint
CREATE UNIQUE INDEX "time_entries_source_key" ON "time_entries" USING btree ("company_id","source_key");--> statement-breakpoint
ALTER TABLE "company_settings" ADD CONSTRAINT "company_settings_rounding" CHECK ("company_settings"."rounding_increment_minutes" in (0, 6, 15, 30));--> statement-breakpoint
ALTER TABLE "company_settings" ADD CONSTRAINT "company_settings_timer" CHECK ("company_settings"."timer_auto_stop_hours" between 1 and 24);--> statement-breakpoint
CREATE POLICY "catalog_items_tenant" ON "catalog_items" AS PERMISSIVE FOR ALL TO public USING ("catalog_items"."company_id" = nullif(current_setting('app.company_id', true), '')::uuid) WITH CHECK ("catalog_items"."company_id" = nullif(current_setting('app.company_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "clients_tenant" ON "clients" AS PERMISSIVE FOR ALL TO public USING ("clients"."company_id" = nullif(current_setting('app.company_id', true), '')::uuid) WITH CHECK ("clients"."company_id" = nullif(current_setting('app.company_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "number_sequences_tenant" ON "number_sequences" AS PERMISSIVE FOR ALL TO public USING ("number_sequences"."company_id" = nullif(current_setting('app.company_id', true), '')::uuid) WITH CHECK ("number_sequences"."company_id" = nullif(current_setting('app.company_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "project_members_tenant" ON "project_members" AS PERMISSIVE FOR ALL TO public USING ("project_members"."company_id" = nullif(current_setting('app.company_id', true), '')::uuid) WITH CHECK ("project_members"."company_id" = nullif(current_setting('app.company_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "project_services_tenant" ON "project_services" AS PERMISSIVE FOR ALL TO public USING ("project_services"."company_id" = nullif(current_setting('app.company_id', true), '')::uuid) WITH CHECK ("project_services"."company_id" = nullif(current_setting('app.company_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "projects_tenant" ON "projects" AS PERMISSIVE FOR ALL TO public USING ("projects"."company_id" = nullif(current_setting('app.company_id', true), '')::uuid) WITH CHECK ("projects"."company_id" = nullif(current_setting('app.company_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "time_entries_tenant" ON "time_entries" AS PERMISSIVE FOR ALL TO public USING ("time_entries"."company_id" = nullif(current_setting('app.company_id', true), '')::uuid) WITH CHECK ("time_entries"."company_id" = nullif(current_setting('app.company_id', true), '')::uuid);
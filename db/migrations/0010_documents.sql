CREATE TABLE "document_lines" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"company_id" uuid NOT NULL,
	"document_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"description" text NOT NULL,
	"catalog_item_id" uuid,
	"quantity" text NOT NULL,
	"unit_price_cents" bigint NOT NULL,
	"discount_kind" text,
	"discount_value" bigint,
	"taxable" boolean NOT NULL,
	"tax_rate_bps" integer NOT NULL,
	"subtotal_cents" bigint NOT NULL,
	"line_discount_cents" bigint NOT NULL,
	"net_cents" bigint NOT NULL,
	"tax_base_cents" bigint NOT NULL,
	CONSTRAINT "document_lines_money" CHECK ("document_lines"."unit_price_cents" >= 0 and "document_lines"."tax_rate_bps" between 0 and 10000)
);
--> statement-breakpoint
ALTER TABLE "document_lines" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"company_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"seq" integer NOT NULL,
	"number" text NOT NULL,
	"client_id" uuid NOT NULL,
	"project_id" uuid,
	"status" text DEFAULT 'draft' NOT NULL,
	"issue_date" text NOT NULL,
	"due_date" text NOT NULL,
	"currency" text NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"terms" text DEFAULT '' NOT NULL,
	"discount_kind" text,
	"discount_value" bigint,
	"subtotal_cents" bigint NOT NULL,
	"discount_cents" bigint NOT NULL,
	"tax_cents" bigint NOT NULL,
	"total_cents" bigint NOT NULL,
	"balance_cents" bigint NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone,
	"deleted_at" timestamp with time zone,
	CONSTRAINT "documents_status" CHECK ("documents"."status" in ('draft','sent','accepted','declined','expired','converted','partially_paid','paid','void')),
	CONSTRAINT "documents_money" CHECK ("documents"."subtotal_cents" >= 0 and "documents"."discount_cents" >= 0 and "documents"."tax_cents" >= 0 and "documents"."total_cents" >= 0 and "documents"."balance_cents" between 0 and "documents"."total_cents")
);
--> statement-breakpoint
ALTER TABLE "documents" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "document_lines" ADD CONSTRAINT "document_lines_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_lines" ADD CONSTRAINT "document_lines_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_lines" ADD CONSTRAINT "document_lines_catalog_item_id_catalog_items_id_fk" FOREIGN KEY ("catalog_item_id") REFERENCES "public"."catalog_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "document_lines_position_key" ON "document_lines" USING btree ("document_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "documents_number_key" ON "documents" USING btree ("company_id","kind","number");--> statement-breakpoint
CREATE INDEX "documents_company_kind_idx" ON "documents" USING btree ("company_id","kind","seq");--> statement-breakpoint
CREATE POLICY "document_lines_tenant" ON "document_lines" AS PERMISSIVE FOR ALL TO public USING ("document_lines"."company_id" = nullif(current_setting('app.company_id', true), '')::uuid) WITH CHECK ("document_lines"."company_id" = nullif(current_setting('app.company_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "documents_tenant" ON "documents" AS PERMISSIVE FOR ALL TO public USING ("documents"."company_id" = nullif(current_setting('app.company_id', true), '')::uuid) WITH CHECK ("documents"."company_id" = nullif(current_setting('app.company_id', true), '')::uuid);
CREATE TABLE "ledger_folds" (
	"company_id" uuid PRIMARY KEY NOT NULL,
	"folded_through" bigint NOT NULL,
	"folded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "ledger_folds" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "ledger_rollups" (
	"company_id" uuid NOT NULL,
	"currency" text NOT NULL,
	"account_id" uuid NOT NULL,
	"day" date NOT NULL,
	"debit_cents" bigint NOT NULL,
	"credit_cents" bigint NOT NULL,
	CONSTRAINT "ledger_rollups_company_id_currency_account_id_day_pk" PRIMARY KEY("company_id","currency","account_id","day")
);
--> statement-breakpoint
ALTER TABLE "ledger_rollups" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE SEQUENCE "journal_lines_seq" AS bigint;--> statement-breakpoint
-- Numbers the lines already posted (a volatile default is evaluated row by row); new lines get theirs from the insert trigger (0025).
ALTER TABLE "journal_lines" ADD COLUMN "seq" bigint NOT NULL DEFAULT nextval('journal_lines_seq');--> statement-breakpoint
ALTER TABLE "journal_lines" ALTER COLUMN "seq" DROP DEFAULT;--> statement-breakpoint
ALTER SEQUENCE "journal_lines_seq" OWNED BY "journal_lines"."seq";--> statement-breakpoint
ALTER TABLE "ledger_folds" ADD CONSTRAINT "ledger_folds_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_rollups" ADD CONSTRAINT "ledger_rollups_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_rollups" ADD CONSTRAINT "ledger_rollups_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "journal_lines_seq_idx" ON "journal_lines" USING brin ("seq") WITH (autosummarize=on);--> statement-breakpoint
CREATE POLICY "ledger_folds_tenant" ON "ledger_folds" AS PERMISSIVE FOR ALL TO public USING ("ledger_folds"."company_id" = nullif(current_setting('app.company_id', true), '')::uuid) WITH CHECK ("ledger_folds"."company_id" = nullif(current_setting('app.company_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "ledger_rollups_tenant" ON "ledger_rollups" AS PERMISSIVE FOR ALL TO public USING ("ledger_rollups"."company_id" = nullif(current_setting('app.company_id', true), '')::uuid) WITH CHECK ("ledger_rollups"."company_id" = nullif(current_setting('app.company_id', true), '')::uuid);
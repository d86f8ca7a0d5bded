ALTER TABLE "email_outbox" ADD COLUMN "delivered_by" text DEFAULT 'email_delivery' NOT NULL;--> statement-breakpoint
-- What the invoice lifecycle recorded before this column: its intent keys name the document.
UPDATE "email_outbox" SET "delivered_by" = 'invoice_lifecycle' WHERE "intent_key" LIKE 'invoice-%' OR "intent_key" LIKE 'estimate-%';

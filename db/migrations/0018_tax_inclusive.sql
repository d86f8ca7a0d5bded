ALTER TABLE "documents" ADD COLUMN "tax_inclusive" boolean DEFAULT false NOT NULL;--> statement-breakpoint
-- Whether prices include tax is a money field too: locked once the document leaves draft (see 0011).
CREATE OR REPLACE FUNCTION forbid_locked_document_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.status <> 'draft' AND (
    NEW.client_id IS DISTINCT FROM OLD.client_id OR NEW.project_id IS DISTINCT FROM OLD.project_id OR
    NEW.issue_date IS DISTINCT FROM OLD.issue_date OR NEW.due_date IS DISTINCT FROM OLD.due_date OR
    NEW.currency IS DISTINCT FROM OLD.currency OR NEW.discount_kind IS DISTINCT FROM OLD.discount_kind OR
    NEW.discount_value IS DISTINCT FROM OLD.discount_value OR NEW.tax_inclusive IS DISTINCT FROM OLD.tax_inclusive OR
    NEW.subtotal_cents IS DISTINCT FROM OLD.subtotal_cents OR
    NEW.discount_cents IS DISTINCT FROM OLD.discount_cents OR NEW.tax_cents IS DISTINCT FROM OLD.tax_cents OR
    NEW.total_cents IS DISTINCT FROM OLD.total_cents OR NEW.number IS DISTINCT FROM OLD.number OR NEW.kind IS DISTINCT FROM OLD.kind
  ) THEN
    RAISE EXCEPTION 'INVOICE_LOCKED: document % is %', OLD.number, OLD.status USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END
$$;

-- The lock (0011, 0018) as domain/documents/status.ts#isLocked now has it: an invoice is locked
-- once it leaves draft; an estimate stays editable while sent (sending it again makes its next
-- revision, each kept in document_revisions) and locks once accepted, declined, expired or converted.
CREATE OR REPLACE FUNCTION document_is_locked(kind text, status text) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN kind = 'estimate' THEN status NOT IN ('draft', 'sent') ELSE status <> 'draft' END
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION forbid_locked_document_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF document_is_locked(OLD.kind, OLD.status) AND (
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
--> statement-breakpoint
CREATE OR REPLACE FUNCTION forbid_locked_line_change() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  doc_kind text;
  doc_status text;
BEGIN
  SELECT kind, status INTO doc_kind, doc_status FROM documents WHERE id = COALESCE(NEW.document_id, OLD.document_id);
  IF doc_status IS NULL OR document_is_locked(doc_kind, doc_status) THEN
    RAISE EXCEPTION 'INVOICE_LOCKED: lines of a % % cannot change', doc_status, doc_kind USING ERRCODE = 'check_violation';
  END IF;
  RETURN COALESCE(NEW, OLD);
END
$$;

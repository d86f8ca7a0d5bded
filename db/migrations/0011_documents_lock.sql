-- Row-level security applies to the table owner too (see 0003).
ALTER TABLE documents FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE document_lines FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
-- The lock (PRODUCT.md §E) as the database's own wall behind the API's check: once a document
-- has left draft, its lines and its client, project, dates and money fields cannot change.
-- Status and balance still move (sending, payments); notes and terms stay editable.
CREATE FUNCTION forbid_locked_document_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.status <> 'draft' AND (
    NEW.client_id IS DISTINCT FROM OLD.client_id OR NEW.project_id IS DISTINCT FROM OLD.project_id OR
    NEW.issue_date IS DISTINCT FROM OLD.issue_date OR NEW.due_date IS DISTINCT FROM OLD.due_date OR
    NEW.currency IS DISTINCT FROM OLD.currency OR NEW.discount_kind IS DISTINCT FROM OLD.discount_kind OR
    NEW.discount_value IS DISTINCT FROM OLD.discount_value OR NEW.subtotal_cents IS DISTINCT FROM OLD.subtotal_cents OR
    NEW.discount_cents IS DISTINCT FROM OLD.discount_cents OR NEW.tax_cents IS DISTINCT FROM OLD.tax_cents OR
    NEW.total_cents IS DISTINCT FROM OLD.total_cents OR NEW.number IS DISTINCT FROM OLD.number OR NEW.kind IS DISTINCT FROM OLD.kind
  ) THEN
    RAISE EXCEPTION 'INVOICE_LOCKED: document % is %', OLD.number, OLD.status USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER documents_lock BEFORE UPDATE ON documents FOR EACH ROW EXECUTE FUNCTION forbid_locked_document_change();
--> statement-breakpoint
CREATE FUNCTION forbid_locked_line_change() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  doc_status text;
BEGIN
  SELECT status INTO doc_status FROM documents WHERE id = COALESCE(NEW.document_id, OLD.document_id);
  IF doc_status IS DISTINCT FROM 'draft' THEN
    RAISE EXCEPTION 'INVOICE_LOCKED: lines of a % document cannot change', doc_status USING ERRCODE = 'check_violation';
  END IF;
  RETURN COALESCE(NEW, OLD);
END
$$;
--> statement-breakpoint
CREATE TRIGGER document_lines_lock BEFORE INSERT OR UPDATE OR DELETE ON document_lines FOR EACH ROW EXECUTE FUNCTION forbid_locked_line_change();

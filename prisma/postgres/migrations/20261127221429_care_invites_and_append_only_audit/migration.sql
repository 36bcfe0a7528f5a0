-- AlterTable
ALTER TABLE "CareInvite" ADD COLUMN     "patientEmail" TEXT NOT NULL;

-- CreateIndex
CREATE INDEX "CareInvite_patientEmail_status_idx" ON "CareInvite"("patientEmail", "status");


-- The audit trail is append-only: the database itself refuses to change or remove an event.
CREATE FUNCTION "audit_event_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'AuditEvent rows are append-only';
END;
$$;
CREATE TRIGGER "AuditEvent_append_only" BEFORE UPDATE OR DELETE ON "AuditEvent"
    FOR EACH ROW EXECUTE FUNCTION "audit_event_append_only"();
CREATE TRIGGER "AuditEvent_no_truncate" BEFORE TRUNCATE ON "AuditEvent"
    FOR EACH STATEMENT EXECUTE FUNCTION "audit_event_append_only"();

-- CreateTable
CREATE TABLE "AuditEntry" (
    "id" TEXT NOT NULL,
    "actorId" TEXT,
    "actorLabel" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "targetType" TEXT NOT NULL,
    "targetId" TEXT NOT NULL,
    "targetLabel" TEXT NOT NULL,
    "reason" TEXT,
    "details" JSONB NOT NULL DEFAULT '{}',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuditEntry_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "AuditEntry_createdAt_id_idx" ON "AuditEntry"("createdAt", "id");

-- CreateIndex
CREATE INDEX "AuditEntry_actorId_createdAt_idx" ON "AuditEntry"("actorId", "createdAt");

-- CreateIndex
CREATE INDEX "AuditEntry_action_createdAt_idx" ON "AuditEntry"("action", "createdAt");

-- CreateIndex
CREATE INDEX "AuditEntry_targetType_targetId_createdAt_idx" ON "AuditEntry"("targetType", "targetId", "createdAt");

-- AddForeignKey
ALTER TABLE "AuditEntry" ADD CONSTRAINT "AuditEntry_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;



-- Guard rails the Prisma schema cannot express; Prisma Migrate leaves CHECK constraints and triggers alone.
ALTER TABLE "AuditEntry" ADD CONSTRAINT "AuditEntry_action_format" CHECK ("action" ~ '^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)+$');
ALTER TABLE "AuditEntry" ADD CONSTRAINT "AuditEntry_target_type_format" CHECK ("targetType" ~ '^[A-Z][A-Z_]*$');
ALTER TABLE "AuditEntry" ADD CONSTRAINT "AuditEntry_lengths" CHECK (
  char_length("actorLabel") BETWEEN 1 AND 320
  AND char_length("targetId") BETWEEN 1 AND 100
  AND char_length("targetLabel") BETWEEN 1 AND 400
  AND ("reason" IS NULL OR char_length("reason") BETWEEN 1 AND 1000)
);

-- The audit log is append-only: nobody, not even the app, rewrites or deletes what an admin did.
-- (A deliberate retention purge has to disable the trigger first, which is itself visible.)
CREATE FUNCTION "audit_entry_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the audit log is append-only: % on "AuditEntry" is not allowed', TG_OP
    USING ERRCODE = 'integrity_constraint_violation';
END
$$;
CREATE TRIGGER "AuditEntry_no_update_or_delete" BEFORE UPDATE OR DELETE ON "AuditEntry"
  FOR EACH ROW EXECUTE FUNCTION "audit_entry_append_only"();
CREATE TRIGGER "AuditEntry_no_truncate" BEFORE TRUNCATE ON "AuditEntry"
  FOR EACH STATEMENT EXECUTE FUNCTION "audit_entry_append_only"();

-- A blocked user always has the reason and the moment; an active one has neither.
ALTER TABLE "User" ADD CONSTRAINT "User_block_fields" CHECK (
  ("status" = 'BLOCKED' AND "blockedAt" IS NOT NULL AND char_length(btrim("blockedReason")) > 0)
  OR ("status" <> 'BLOCKED' AND "blockedAt" IS NULL AND "blockedReason" IS NULL)
);

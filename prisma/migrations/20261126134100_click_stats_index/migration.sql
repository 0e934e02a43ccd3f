-- CreateIndex
CREATE INDEX "Click_partnerId_createdAt_isBot_isUnique_idx" ON "Click"("partnerId", "createdAt", "isBot", "isUnique");

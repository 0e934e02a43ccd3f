-- The CRM customer list: keyset pages sorted by name and by orders count are bounded by an
-- index; search by legal name (trigram), tax id and a contact person's name (trigram).

-- CreateIndex
CREATE INDEX "Customer_name_id_idx" ON "Customer"("name", "id");

-- CreateIndex
CREATE INDEX "Customer_ordersCount_id_idx" ON "Customer"("ordersCount", "id");

-- CreateIndex
CREATE INDEX "Customer_legalName_idx" ON "Customer" USING GIN ("legalName" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Customer_taxId_idx" ON "Customer"("taxId");

-- CreateIndex
CREATE INDEX "ContactPerson_name_idx" ON "ContactPerson" USING GIN ("name" gin_trgm_ops);

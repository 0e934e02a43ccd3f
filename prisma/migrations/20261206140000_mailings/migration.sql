-- Mailings: audience, ru/en content, sending speed and auto-pause, resumable per-recipient state.

-- AlterEnum
ALTER TYPE "MailingStatus" ADD VALUE 'PAUSED' BEFORE 'SENT';

-- AlterEnum
ALTER TYPE "MailingRecipientStatus" ADD VALUE 'SENDING' BEFORE 'SENT';

-- AlterTable
ALTER TABLE "Mailing" ADD COLUMN     "audience" JSONB,
ADD COLUMN     "bodyEn" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "maxConsecutiveFailures" INTEGER NOT NULL DEFAULT 20,
ADD COLUMN     "pauseReason" TEXT,
ADD COLUMN     "ratePerSecond" INTEGER NOT NULL DEFAULT 50,
ADD COLUMN     "skippedCount" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "subjectEn" TEXT NOT NULL DEFAULT '';

-- AlterTable
ALTER TABLE "MailingRecipient" ADD COLUMN     "attempts" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "claimedAt" TIMESTAMP(3),
ADD COLUMN     "locale" TEXT NOT NULL DEFAULT 'ru',
ADD COLUMN     "messageId" TEXT,
ADD COLUMN     "name" TEXT,
ADD COLUMN     "partnerId" TEXT;

-- CreateIndex
CREATE INDEX "Unsubscribe_mailingId_idx" ON "Unsubscribe"("mailingId");

// Creates a link token inside the caller's transaction and returns the raw token for the link
// (the only time it exists outside the mail).
import type { DbTransaction } from "@/lib/db";
import type { TokenPurpose } from "@/lib/db/generated/enums";
import { generateLinkToken, linkTokenExpiresAt } from "./link-token";

export interface CreateLinkTokenInput {
  purpose: TokenPurpose;
  ttlHours: number;
  orderId?: string;
  partnerId?: string;
  userId?: string;
  customerId?: string;
  email?: string;
}

export async function createLinkToken(tx: DbTransaction, input: CreateLinkTokenInput): Promise<{ id: string; token: string; expiresAt: Date }> {
  const { token, tokenHash } = generateLinkToken();
  const expiresAt = linkTokenExpiresAt(input.ttlHours);
  const row = await tx.linkToken.create({
    data: {
      purpose: input.purpose,
      tokenHash,
      expiresAt,
      orderId: input.orderId,
      partnerId: input.partnerId,
      userId: input.userId,
      customerId: input.customerId,
      email: input.email,
    },
    select: { id: true },
  });
  return { id: row.id, token, expiresAt };
}

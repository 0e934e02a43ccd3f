// Bank details of a Russian payee: BIK (9 digits) and the 20-digit correspondent and settlement
// accounts, each checked with the Bank of Russia's control key, which ties an account to its
// bank's BIK (weights 7-1-3 over 23 digits; the sum ends in 0).

const KEY_WEIGHTS = [7, 1, 3];

const keyHolds = (digits23: string) => [...digits23].reduce((sum, digit, index) => sum + Number(digit) * KEY_WEIGHTS[index % 3]!, 0) % 10 === 0;

export const isValidBik = (bik: string) => /^\d{9}$/.test(bik);

/**
 * Whether `account` is a valid account of the bank `bik`: a settlement account is keyed with the
 * BIK's last three digits, a correspondent account (301…) with "0" and the BIK's 5th–6th digits.
 */
export function isValidBankAccount(account: string, bik: string, kind: "settlement" | "correspondent"): boolean {
  if (!/^\d{20}$/.test(account) || !isValidBik(bik)) return false;
  if (kind === "correspondent") return account.startsWith("301") && keyHolds(`0${bik.slice(4, 6)}${account}`);
  return keyHolds(`${bik.slice(6, 9)}${account}`);
}

// Check-digit rules of the shop's requisites, on real published numbers (Sberbank, T-Bank) and on
// numbers built by the same algorithm, each also with one digit changed.
import { describe, expect, it } from "vitest";
import { isValidBankAccount, isValidBik } from "./validate-bank-account";
import { isValidInn } from "./validate-inn";

describe("isValidInn", () => {
  it.each([
    ["7707083893", true], // Sberbank, a legal entity
    ["7701234560", true], // built: 770123456 + check digit 0
    ["500100732259", true], // an individual entrepreneur's 12 digits
    ["771234567859", true], // built: 7712345678 + check digits 5, 9
    ["7707083894", false], // last digit off
    ["7707083839", false], // two digits swapped
    ["500100732258", false], // 12th digit off
    ["500100732269", false], // 11th digit off
    ["77070838930", false], // 11 digits
    ["770708389", false], // 9 digits
    ["77070838a3", false],
    ["", false],
  ])("%s → %s", (inn, valid) => {
    expect(isValidInn(inn)).toBe(valid);
  });
});

describe("isValidBik", () => {
  it.each([
    ["044525225", true],
    ["04452522", false],
    ["0445252250", false],
    ["04452522x", false],
  ])("%s → %s", (bik, valid) => expect(isValidBik(bik)).toBe(valid));
});

describe("isValidBankAccount", () => {
  it.each([
    // Correspondent accounts are keyed with "0" + the BIK's 5th–6th digits.
    ["30101810400000000225", "044525225", "correspondent", true], // Sberbank
    ["30101810145250000974", "044525974", "correspondent", true], // T-Bank
    ["30101810400000000226", "044525225", "correspondent", false], // last digit off
    ["30101810400000000225", "044030653", "correspondent", false], // a BIK of another region
    ["40702810938000012345", "044525225", "correspondent", false], // not a 301… account
    // Settlement accounts are keyed with the BIK's last three digits.
    ["40702810938000012345", "044525225", "settlement", true],
    ["40802810700000001234", "044525974", "settlement", true],
    ["40702810838000012345", "044525225", "settlement", false], // key digit off
    ["40702810938000012345", "044525974", "settlement", false], // another bank's BIK
    ["4070281093800001234", "044525225", "settlement", false], // 19 digits
    ["40702810938000012345", "04452522", "settlement", false], // bad BIK
  ] as const)("%s at %s as %s → %s", (account, bik, kind, valid) => {
    expect(isValidBankAccount(account, bik, kind)).toBe(valid);
  });
});

import { describe, expect, it } from "vitest";
import { MergeError, planMerge, type MergeCard } from "./plan-merge";

const card = (id: string, values: Partial<MergeCard> = {}): MergeCard => ({
  id,
  type: "PERSON",
  name: null,
  legalName: null,
  taxId: null,
  legalAddress: null,
  website: null,
  phone: null,
  phoneNormalized: null,
  email: null,
  emailNormalized: null,
  country: null,
  region: null,
  locale: "ru",
  segmentId: null,
  responsibleId: null,
  source: null,
  notes: null,
  tags: [],
  ...values,
});

const problemOf = (work: () => unknown) => {
  try {
    work();
  } catch (error) {
    if (error instanceof MergeError) return error.problem;
    throw error;
  }
  return null;
};

describe("planMerge", () => {
  const a = card("a", { name: "Анна", phone: "+7 916 123 45 01", phoneNormalized: "+79161234501", tags: ["vip"], source: "  " });
  const b = card("b", { name: "Анна Иванова", email: "anna@example.ru", emailNormalized: "anna@example.ru", tags: ["opt", "vip"], notes: "звонить вечером" });

  it("takes the only non-empty value whichever card holds it", () => {
    const plan = planMerge([a, b], "a");
    expect(plan.values.email).toBe("anna@example.ru");
    expect(plan.values.phoneNormalized).toBe("+79161234501");
    expect(plan.values.notes).toBe("звонить вечером");
    expect(plan.fields.email).toMatchObject({ from: "b", rule: "only" });
    // Blank text is empty.
    expect(plan.fields.source).toMatchObject({ from: null, rule: "empty" });
    expect(plan.values.source).toBeNull();
  });

  it("takes the main card's value where the cards disagree", () => {
    expect(planMerge([a, b], "a").values.name).toBe("Анна");
    expect(planMerge([a, b], "b").values.name).toBe("Анна Иванова");
    expect(planMerge([a, b], "b").fields.name).toMatchObject({
      from: "b",
      rule: "main",
      options: [
        { customerId: "b", value: "Анна Иванова" },
        { customerId: "a", value: "Анна" },
      ],
    });
  });

  it("takes the first filled card's value when the main card has none and the others disagree", () => {
    const c = card("c", { website: "https://one.example" });
    const d = card("d", { website: "https://two.example" });
    expect(planMerge([card("m"), c, d], "m").fields.website).toMatchObject({ from: "c", rule: "firstFilled" });
  });

  it("calls equal values the same, comparing phones by their normalised form", () => {
    const x = card("x", { phone: "8 916 123-45-01", phoneNormalized: "+79161234501" });
    expect(planMerge([a, x], "x").fields.phone).toMatchObject({ from: "x", rule: "same", options: [{ customerId: "x", value: "+79161234501" }] });
  });

  it("follows the user's pick per field", () => {
    const plan = planMerge([a, b], "a", { name: "b" });
    expect(plan.values.name).toBe("Анна Иванова");
    expect(plan.fields.name.rule).toBe("picked");
  });

  it("unions the tags and lists the merged cards", () => {
    const plan = planMerge([a, b], "b");
    expect(plan.values.tags.sort()).toEqual(["opt", "vip"]);
    expect(plan).toMatchObject({ mainId: "b", mergedIds: ["a"] });
  });

  it("refuses bad lists and picks", () => {
    expect(problemOf(() => planMerge([a], "a"))).toBe("tooFew");
    expect(problemOf(() => planMerge([a, a], "a"))).toBe("sameCardTwice");
    expect(
      problemOf(() =>
        planMerge(
          Array.from({ length: 11 }, (_, index) => card(`c${index}`)),
          "c0",
        ),
      ),
    ).toBe("tooMany");
    expect(problemOf(() => planMerge([a, b], "z"))).toBe("mainNotInList");
    expect(problemOf(() => planMerge([a, b], "a", { name: "z" }))).toBe("pickNotInList");
    expect(problemOf(() => planMerge([a, b], "a", { email: "a" }))).toBe("pickEmpty");
    expect(
      problemOf(() =>
        planMerge(
          Array.from({ length: 10 }, (_, index) => card(`c${index}`)),
          "c0",
        ),
      ),
    ).toBeNull();
  });
});

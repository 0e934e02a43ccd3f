// The order table's per-number texts ("№1024", "Select order №1024") go to the rows once, as
// templates the server translated with this slot for the number; each row fills in its own. A
// plain module: the server component and the client rows both import it.

/** What the server passes as the number when it translates a row template. */
export const NUMBER_SLOT = "{number}";

/** A row template with the order's number in the slot. */
export const withNumber = (template: string, number: number) => template.replaceAll(NUMBER_SLOT, String(number));

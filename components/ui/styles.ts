// The admin's compact controls, buttons and panels as class names, shared by every section (and
// the partner cabinet). The global .input/.btn/.card classes are plain (unlayered) CSS, which
// beats Tailwind utilities, so they cannot be shrunk with h-8/py-0/p-0: these strings carry the
// same look at admin-table density instead.
export const control =
  "block h-9 rounded-md border border-slate-300 bg-white px-2.5 text-sm text-slate-900 shadow-sm focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-100";
export const smallControl =
  "block h-8 rounded-md border border-slate-300 bg-white px-2 text-sm text-slate-900 shadow-sm focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-100";
export const primaryButton =
  "inline-flex h-9 items-center justify-center gap-2 rounded-md bg-brand-600 px-3.5 text-sm font-medium whitespace-nowrap text-white shadow-sm hover:bg-brand-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600 disabled:cursor-not-allowed disabled:opacity-50";
export const secondaryButton =
  "inline-flex h-9 items-center justify-center gap-2 rounded-md border border-slate-300 bg-white px-3.5 text-sm font-medium whitespace-nowrap text-slate-700 shadow-sm hover:bg-slate-50 disabled:cursor-not-allowed disabled:opacity-50";
export const smallPrimaryButton = primaryButton.replace("h-9", "h-8").replace("px-3.5", "px-3");
export const panel = "rounded-lg border border-slate-200 bg-white shadow-sm";

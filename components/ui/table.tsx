// The admin's data table as small server-safe pieces on top of the global .table class (which
// lives in the components layer, so a className passed here still overrides its padding/borders).
import type { ComponentPropsWithoutRef, ReactNode } from "react";

type Align = "left" | "center" | "right";

const alignClass: Record<Align, string> = { left: "text-left", center: "text-center", right: "text-right" };

function classes(...parts: (string | false | null | undefined)[]) {
  return parts.filter(Boolean).join(" ");
}

/** Numeric columns are right-aligned unless told otherwise; their data cells get tabular figures. */
function cellClass(align: Align | undefined, numeric: boolean | undefined, className: string | undefined, figures = false) {
  return classes(align ? alignClass[align] : numeric ? alignClass.right : null, figures && numeric && "tabular-nums", className);
}

type TableProps = Omit<ComponentPropsWithoutRef<"table">, "aria-label"> & {
  /** The accessible name of the table (when no heading names it). */
  label?: string;
  testId?: string;
  /** Classes of the scrolling wrapper; `false` renders the table without one (it already sits in a scrolling box). */
  wrapperClassName?: string | false;
};

export function Table({ label, testId, wrapperClassName, className, children, ...props }: TableProps) {
  const table = (
    <table aria-label={label} data-testid={testId} className={classes("table", className)} {...props}>
      {children}
    </table>
  );
  if (wrapperClassName === false) return table;
  return <div className={classes("overflow-x-auto", wrapperClassName)}>{table}</div>;
}

/** The header with a single row of column headings. */
export function THead({ className, children }: { className?: string; children: ReactNode }) {
  return (
    <thead className={className}>
      <tr>{children}</tr>
    </thead>
  );
}

type CellProps<Tag extends "th" | "td"> = ComponentPropsWithoutRef<Tag> & { align?: Align; numeric?: boolean };

export function Th({ align, numeric, className, ...props }: CellProps<"th">) {
  return <th className={cellClass(align, numeric, className) || undefined} {...props} />;
}

export function Td({ align, numeric, className, ...props }: CellProps<"td">) {
  return <td className={cellClass(align, numeric, className, true) || undefined} {...props} />;
}

/** The one row shown when there is nothing to list. */
export function EmptyRow({ colSpan, children, className, testId }: { colSpan: number; children: ReactNode; className?: string; testId?: string }) {
  return (
    <tr data-testid={testId}>
      <td colSpan={colSpan} className={classes("py-6 text-center text-slate-500", className)}>
        {children}
      </td>
    </tr>
  );
}

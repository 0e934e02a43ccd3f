"use client";
// The kanban: columns are stages, cards are deals, dragged with the mouse or the keyboard
// (@dnd-kit: Space/Enter picks up, arrows move within and across columns, Space/Enter drops,
// Escape cancels; moves are announced to screen readers in the reader's language). A drop moves
// the card at once — counts and sums follow — and saves in the background; a refused move puts
// everything back and says why. Dropping on the "lost" column first asks for the reason.
import {
  closestCorners,
  DndContext,
  DragOverlay,
  KeyboardSensor,
  PointerSensor,
  pointerWithin,
  useDroppable,
  useSensor,
  useSensors,
  type Announcements,
  type CollisionDetection,
  type DragEndEvent,
  type DragOverEvent,
  type DragStartEvent,
  type KeyboardCoordinateGetter,
  type UniqueIdentifier,
} from "@dnd-kit/core";
import { SortableContext, sortableKeyboardCoordinates, useSortable, verticalListSortingStrategy } from "@dnd-kit/sortable";
import { CSS } from "@dnd-kit/utilities";
import Link from "next/link";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { useId, useRef, useState, useTransition } from "react";
import type { BoardColumn, BoardDeal } from "@/lib/crm/deals/get-deal-board";
import { formatMoney } from "@/lib/money/format";
import { moveBetweenColumns } from "./board-totals";

export interface MoveRequest {
  dealId: string;
  stageId: string;
  afterDealId: string | null;
  beforeDealId: string | null;
  lostReason?: string | null;
}

interface Props {
  columns: BoardColumn[];
  /** Per column id: the table view filtered by that stage (when the column has more deals than shown). */
  moreHrefs: Record<string, string>;
  move: (request: MoveRequest) => Promise<{ ok: true } | { ok: false; message: string }>;
}

/** The column or card under the mouse; for the keyboard (no pointer) the nearest by corners. */
const collisionDetection: CollisionDetection = (args) => {
  const hits = pointerWithin(args);
  return hits.length ? hits : closestCorners(args);
};

export function DealBoard({ columns: initial, moreHrefs, move }: Props) {
  const t = useTranslations("crmDeals.board");
  const [columns, setColumns] = useState(initial);
  const [activeId, setActiveId] = useState<string | null>(null);
  const [pendingLost, setPendingLost] = useState<{ request: MoveRequest; snapshot: BoardColumn[] } | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [saving, startSaving] = useTransition();
  const snapshot = useRef<BoardColumn[]>(initial);
  const instructionsId = useId();
  const columnsRef = useRef(columns);
  columnsRef.current = columns;
  // Up and down move within the column (dnd-kit's sortable coordinates); left and right go to the
  // top of the neighbouring column, whatever the columns' heights and the board's scroll.
  const coordinateGetter = useRef<KeyboardCoordinateGetter>((event, args) => {
    if (event.code !== "ArrowLeft" && event.code !== "ArrowRight") return sortableKeyboardCoordinates(event, args);
    event.preventDefault();
    const { active, droppableRects } = args.context;
    const list = columnsRef.current;
    const index = list.findIndex((column) => column.deals.some((deal) => deal.id === active?.id));
    const target = list[index + (event.code === "ArrowRight" ? 1 : -1)];
    const rect = target ? droppableRects.get(target.id) : undefined;
    return rect ? { x: rect.left + 8, y: rect.top + 8 } : args.currentCoordinates;
  }).current;
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 6 } }), useSensor(KeyboardSensor, { coordinateGetter }));

  const columnOf = (id: UniqueIdentifier | undefined, from = columns) => from.find((column) => column.id === id || column.deals.some((deal) => deal.id === id));
  const dealOf = (id: UniqueIdentifier) => columns.flatMap((column) => column.deals).find((deal) => deal.id === id);
  const title = (id: UniqueIdentifier) => dealOf(id)?.title ?? "";

  function onDragStart({ active }: DragStartEvent) {
    snapshot.current = columns;
    setActiveId(String(active.id));
    setMessage(null);
  }

  // Across columns the card moves while it is dragged, so the target column opens a gap for it.
  function onDragOver({ active, over }: DragOverEvent) {
    if (!over) return;
    const from = columnOf(active.id);
    const to = columnOf(over.id);
    if (!from || !to || from.id === to.id) return;
    const overIndex = to.deals.findIndex((deal) => deal.id === over.id);
    setColumns((current) => moveBetweenColumns(current, String(active.id), to.id, overIndex < 0 ? to.deals.length : overIndex));
  }

  function onDragEnd({ active, over }: DragEndEvent) {
    setActiveId(null);
    const dealId = String(active.id);
    const to = columnOf(over?.id);
    if (!over || !to) return setColumns(snapshot.current);
    const overIndex = to.deals.findIndex((deal) => deal.id === over.id);
    const index = overIndex < 0 ? to.deals.findIndex((deal) => deal.id === dealId) : overIndex;
    const next = moveBetweenColumns(columns, dealId, to.id, index < 0 ? to.deals.length : index);
    const target = next.find((column) => column.id === to.id)!;
    const position = target.deals.findIndex((deal) => deal.id === dealId);
    const request: MoveRequest = { dealId, stageId: to.id, afterDealId: target.deals[position - 1]?.id ?? null, beforeDealId: target.deals[position + 1]?.id ?? null };
    const before = snapshot.current;
    const fromColumn = columnOf(dealId, before);
    const was = fromColumn?.deals.findIndex((deal) => deal.id === dealId) ?? -1;
    if (fromColumn?.id === to.id && was === position) return setColumns(before);
    setColumns(next);
    if (to.kind === "LOST" && fromColumn?.id !== to.id) return setPendingLost({ request, snapshot: before });
    save(request, before);
  }

  function save(request: MoveRequest, rollback: BoardColumn[]) {
    startSaving(async () => {
      const result = await move(request);
      if (!result.ok) {
        setColumns(rollback);
        setMessage(t("moveFailed", { reason: result.message }));
      }
    });
  }

  const announcements: Announcements = {
    onDragStart: ({ active }) => t("announce.start", { deal: title(active.id) }),
    onDragOver: ({ active, over }) => (over ? t("announce.over", { deal: title(active.id), column: columnOf(over.id)?.name ?? "" }) : t("announce.overNothing", { deal: title(active.id) })),
    onDragEnd: ({ active, over }) => (over ? t("announce.end", { deal: title(active.id), column: columnOf(over.id)?.name ?? "" }) : t("announce.cancel", { deal: title(active.id) })),
    onDragCancel: ({ active }) => t("announce.cancel", { deal: title(active.id) }),
  };

  const active = activeId ? dealOf(activeId) : undefined;
  return (
    <div>
      <p id={instructionsId} className="sr-only">
        {t("instructions")}
      </p>
      <div aria-live="polite" className="mb-2 min-h-5 text-sm">
        {saving ? <span className="text-slate-500">{t("moving")}</span> : null}
      </div>
      {message ? (
        <p role="alert" className="mb-3 rounded-md bg-red-50 px-3 py-2 text-sm text-red-800" data-testid="board-error">
          {message}
        </p>
      ) : null}
      <DndContext
        sensors={sensors}
        collisionDetection={collisionDetection}
        onDragStart={onDragStart}
        onDragOver={onDragOver}
        onDragEnd={onDragEnd}
        onDragCancel={() => {
          setActiveId(null);
          setColumns(snapshot.current);
        }}
        accessibility={{ announcements, screenReaderInstructions: { draggable: t("instructions") } }}
      >
        <div className="flex gap-3 overflow-x-auto pb-4" role="list" aria-label={t("label")} data-testid="deal-board">
          {columns.map((column) => (
            <Column key={column.id} column={column} moreHref={moreHrefs[column.id]} describedBy={instructionsId} />
          ))}
        </div>
        <DragOverlay>{active ? <DealCardBody deal={active} dragging /> : null}</DragOverlay>
      </DndContext>
      {pendingLost ? (
        <LostReasonDialog
          onCancel={() => {
            setColumns(pendingLost.snapshot);
            setPendingLost(null);
          }}
          onConfirm={(reason) => {
            save({ ...pendingLost.request, lostReason: reason }, pendingLost.snapshot);
            setPendingLost(null);
          }}
        />
      ) : null}
    </div>
  );
}

function ColumnTotals({ column }: { column: BoardColumn }) {
  const locale = useLocale();
  return (
    <span className="text-sm font-semibold text-slate-900 tabular-nums" data-testid="column-sum">
      {column.totals.length ? column.totals.map((total) => formatMoney(BigInt(total.amount), total.currency, locale)).join(" · ") : formatMoney(0, "RUB", locale)}
    </span>
  );
}

function Column({ column, moreHref, describedBy }: { column: BoardColumn; moreHref?: string; describedBy: string }) {
  const t = useTranslations("crmDeals.board");
  const { setNodeRef, isOver } = useDroppable({ id: column.id });
  const hidden = column.count - column.deals.length;
  return (
    <section
      role="listitem"
      aria-label={t("columnLabel", { name: column.name, count: column.count })}
      className="flex w-72 shrink-0 flex-col rounded-lg border border-slate-200 bg-slate-50"
      data-testid="deal-column"
      data-stage-name={column.name}
      data-stage-kind={column.kind}
    >
      <header className="border-b border-slate-200 px-3 py-2" style={{ borderTop: `3px solid ${column.color ?? "#cbd5e1"}`, borderTopLeftRadius: 8, borderTopRightRadius: 8 }}>
        <div className="flex items-baseline justify-between gap-2">
          <h2 className="truncate text-sm font-semibold text-slate-800">{column.name}</h2>
          <span className="rounded-full bg-white px-2 text-xs font-medium text-slate-600 tabular-nums" data-testid="column-count">
            {column.count}
          </span>
        </div>
        <ColumnTotals column={column} />
      </header>
      <SortableContext id={column.id} items={column.deals.map((deal) => deal.id)} strategy={verticalListSortingStrategy}>
        <ul ref={setNodeRef} className={`flex min-h-24 flex-1 flex-col gap-2 p-2 ${isOver ? "bg-brand-50" : ""}`}>
          {column.deals.map((deal) => (
            <SortableDeal key={deal.id} deal={deal} describedBy={describedBy} />
          ))}
          {!column.deals.length ? <li className="py-6 text-center text-xs text-slate-500">{t("empty")}</li> : null}
        </ul>
      </SortableContext>
      {hidden > 0 && moreHref ? (
        <Link href={moreHref} className="px-3 pb-3 text-xs font-medium text-brand-700 hover:underline">
          {t("more", { count: hidden })}
        </Link>
      ) : null}
    </section>
  );
}

function SortableDeal({ deal, describedBy }: { deal: BoardDeal; describedBy: string }) {
  // The card stays a list item that takes focus (dnd-kit's default role is "button", which a
  // list may not hold and which may not contain the card's link); aria-pressed, a button's
  // state, goes with that role. Space picks the card up as before, and the instructions say so.
  const { attributes, listeners, setNodeRef, transform, transition, isDragging } = useSortable({ id: deal.id, attributes: { role: "listitem" } });
  const { "aria-pressed": _pressed, ...itemAttributes } = attributes;
  return (
    <li
      ref={setNodeRef}
      style={{ transform: CSS.Transform.toString(transform), transition }}
      {...itemAttributes}
      {...listeners}
      aria-describedby={describedBy}
      className={`rounded-md focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600 ${isDragging ? "opacity-40" : ""}`}
      data-testid="deal-card"
      data-deal-id={deal.id}
    >
      <DealCardBody deal={deal} />
    </li>
  );
}

function DealCardBody({ deal, dragging = false }: { deal: BoardDeal; dragging?: boolean }) {
  const t = useTranslations("crmDeals.board");
  const locale = useLocale();
  const format = useFormatter();
  return (
    <article className={`cursor-grab rounded-md border border-slate-200 bg-white p-2.5 text-sm shadow-sm ${dragging ? "rotate-1 shadow-lg" : "hover:border-slate-300"}`}>
      <Link href={`/admin/deals/${deal.id}`} className="block min-h-6 font-medium text-slate-900 hover:text-brand-700 hover:underline" draggable={false}>
        {deal.title}
      </Link>
      <p className="truncate text-xs text-slate-600">{[deal.customerName ?? t("noCustomer"), deal.contactName].filter(Boolean).join(" · ")}</p>
      <div className="mt-1.5 flex items-center justify-between gap-2 text-xs">
        <span className="font-semibold text-slate-800 tabular-nums">{formatMoney(BigInt(deal.budget), deal.currency, locale)}</span>
        <span className="text-slate-500">
          {deal.probability !== null ? t("probability", { value: deal.probability }) : null}
          {deal.expectedCloseAt ? ` · ${t("closeBy", { date: format.dateTime(new Date(deal.expectedCloseAt), { day: "numeric", month: "short", timeZone: "Europe/Moscow" }) })}` : null}
        </span>
      </div>
      {deal.responsibleName ? <p className="mt-1 truncate text-xs text-slate-500">{deal.responsibleName}</p> : null}
    </article>
  );
}

function LostReasonDialog({ onCancel, onConfirm }: { onCancel: () => void; onConfirm: (reason: string) => void }) {
  const t = useTranslations("crmDeals.board");
  const [reason, setReason] = useState("");
  const titleId = useId();
  return (
    <div className="fixed inset-0 z-50 flex items-center justify-center bg-slate-900/40 p-4" onKeyDown={(event) => event.key === "Escape" && onCancel()}>
      <form
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        className="w-full max-w-md rounded-lg bg-white p-5 shadow-xl"
        onSubmit={(event) => {
          event.preventDefault();
          if (reason.trim()) onConfirm(reason.trim());
        }}
      >
        <h2 id={titleId} className="text-lg font-semibold">
          {t("lostTitle")}
        </h2>
        <p className="mt-1 text-sm text-slate-600">{t("lostHint")}</p>
        <label className="mt-4 block text-sm font-medium">
          {t("lostReason")}
          <textarea
            autoFocus
            required
            maxLength={500}
            value={reason}
            onChange={(event) => setReason(event.target.value)}
            className="mt-1 block w-full rounded-md border border-slate-300 p-2 text-sm"
            rows={3}
            name="lostReason"
          />
        </label>
        <div className="mt-4 flex justify-end gap-2">
          <button type="button" onClick={onCancel} className="inline-flex h-9 items-center rounded-md border border-slate-300 px-3.5 text-sm font-medium">
            {t("cancel")}
          </button>
          <button type="submit" disabled={!reason.trim()} className="inline-flex h-9 items-center rounded-md bg-red-600 px-3.5 text-sm font-medium text-white disabled:opacity-50">
            {t("lostConfirm")}
          </button>
        </div>
      </form>
    </div>
  );
}

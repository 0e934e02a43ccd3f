"use client";
// Publish / unpublish and delete buttons of one news row, each its own small form so a failure
// shows next to the row it concerns.
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { secondaryButton } from "@/components/ui/styles";
import { initialActionState, type ActionState } from "@/lib/forms/action-state";

type Action = (state: ActionState<{ title: string; body: string }>, formData: FormData) => Promise<ActionState<{ title: string; body: string }>>;

export function NewsRowActions(props: { id: string; isPublished: boolean; publishAction: Action; deleteAction: Action }) {
  const { id, isPublished } = props;
  const t = useTranslations("partnerNews");
  const tRoot = useTranslations();
  const [publishState, publish, publishing] = useActionState(props.publishAction, initialActionState);
  const [deleteState, remove, deleting] = useActionState(props.deleteAction, initialActionState);
  const error = [publishState, deleteState].find((state) => state.status === "error");

  return (
    <div className="flex flex-wrap items-center justify-end gap-2">
      <form action={publish}>
        <input type="hidden" name="id" value={id} />
        <input type="hidden" name="publish" value={isPublished ? "false" : "true"} />
        <button type="submit" disabled={publishing} className={secondaryButton} data-testid="news-toggle-publish">
          {isPublished ? t("unpublish") : t("publish")}
        </button>
      </form>
      <form
        action={remove}
        onSubmit={(event) => {
          if (!window.confirm(t("confirmDelete"))) event.preventDefault();
        }}
      >
        <input type="hidden" name="id" value={id} />
        <button type="submit" disabled={deleting} className={`${secondaryButton} text-red-700`} data-testid="news-delete">
          {t("delete")}
        </button>
      </form>
      {error?.status === "error" ? (
        <p role="alert" className="w-full text-right text-xs text-red-700">
          {error.message && tRoot.has(error.message) ? tRoot(error.message) : t("errors.INTERNAL")}
        </p>
      ) : null}
    </div>
  );
}

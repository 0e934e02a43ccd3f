// The partners a partner recruited, nested by who recruited whom; each links to its own page.
import Link from "next/link";
import type { PartnerTreeNode } from "@/lib/affiliates/get-partner-tree";
import { PartnerStatusBadge } from "@/components/admin/partners/partner-status-badge";

export function PartnerTreeList({ nodes, formatDate, moreLabel }: { nodes: PartnerTreeNode[]; formatDate: (iso: string) => string; moreLabel: (count: number) => string }) {
  return (
    <ul className="space-y-1.5">
      {nodes.map((node) => (
        <li key={node.id} data-testid="tree-node" data-depth={node.depth} data-login={node.login}>
          <div className="flex flex-wrap items-center gap-2 text-sm">
            <Link href={`/admin/partners/${node.id}`} className="font-mono text-brand-700 hover:underline">
              {node.login}
            </Link>
            <span className="text-slate-700">{node.name}</span>
            <PartnerStatusBadge status={node.status} />
            <span className="text-xs text-slate-500">{formatDate(node.createdAt)}</span>
            {/* Recruits below the depth shown are counted, not listed: their own page shows them. */}
            {node.childCount > node.children.length ? <span className="text-xs text-slate-500">{moreLabel(node.childCount - node.children.length)}</span> : null}
          </div>
          {node.children.length ? (
            <div className="mt-1.5 ml-2 border-l border-slate-200 pl-4">
              <PartnerTreeList nodes={node.children} formatDate={formatDate} moreLabel={moreLabel} />
            </div>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

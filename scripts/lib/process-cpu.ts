// CPU time spent by process trees, for the benchmarks: a figure per request that the machine's
// load moves far less than latency does (a busy neighbour slows a request, it does not make it
// cost more CPU). Processes are found afresh at each reading (a tree's children: tsx's node, the
// PostgreSQL backends); one that exits between two readings loses its share, so the figures are
// taken over runs on pooled connections, where the processes live through the run.
import { readFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import pidtree from "pidtree";
import pidusage from "pidusage";

/** CPU milliseconds (user + system) used so far by each process of the trees under the roots. */
export async function readTreeCpu(roots: readonly number[]): Promise<Map<number, number>> {
  const trees = await Promise.all(roots.map((root) => pidtree(root, { root: true }).catch(() => [] as number[])));
  const pids = [...new Set(trees.flat())];
  if (pids.length === 0) return new Map();
  // One at a time: a process that exited since it was listed (an autovacuum worker) fails alone.
  const readings = await Promise.all(
    pids.map((pid) =>
      pidusage(pid).then(
        (stat) => [pid, stat.ctime] as const,
        () => null,
      ),
    ),
  );
  pidusage.clear();
  return new Map(readings.filter((reading) => reading !== null));
}

/** CPU milliseconds used between two readings by the processes alive at the second one. */
export function cpuBetween(before: Map<number, number>, after: Map<number, number>): number {
  let total = 0;
  for (const [pid, ms] of after) total += ms - (before.get(pid) ?? 0);
  return total;
}

/** The postmaster's pid of the server a connection string reaches (it must run on this machine). */
export async function postmasterPid(connectionString: string): Promise<number | null> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    const { rows } = await client.query<{ data_directory: string }>("SHOW data_directory");
    const pidFile = await readFile(path.join(rows[0]!.data_directory, "postmaster.pid"), "utf8");
    return Number(pidFile.split("\n")[0]) || null;
  } catch {
    return null; // not a superuser, or not this machine: no PostgreSQL figure
  } finally {
    await client.end();
  }
}

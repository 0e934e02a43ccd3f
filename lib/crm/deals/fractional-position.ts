// Kanban order inside a stage column: each deal has a fractional sortOrder, and a drop between
// two neighbours takes the midpoint, so a move writes one row. Doubles halve a gap ~50 times
// before two neighbours collide; long before that (MIN_POSITION_GAP) the column is rebalanced
// to evenly spaced positions.

/** The distance between neighbours after a rebalance, and of a deal added at an end. */
export const POSITION_STEP = 1024;
/** Below this gap a midpoint is refused and the column is rebalanced first. */
export const MIN_POSITION_GAP = 1e-6;

/**
 * The sortOrder for a deal dropped between `before` (the neighbour above, null at the top) and
 * `after` (the neighbour below, null at the bottom). Null when the gap is too small to split:
 * rebalance the column, then ask again.
 */
export function positionBetween(before: number | null, after: number | null): number | null {
  if (before === null && after === null) return POSITION_STEP;
  if (before === null) return after! - POSITION_STEP;
  if (after === null) return before + POSITION_STEP;
  if (!(after > before) || after - before < MIN_POSITION_GAP) return null;
  const middle = before + (after - before) / 2;
  // The midpoint of two doubles one ulp apart is one of them: no room left.
  return middle > before && middle < after ? middle : null;
}

/** Evenly spaced positions for `count` deals in their current order (1·STEP, 2·STEP, …). */
export function rebalancedPositions(count: number): number[] {
  return Array.from({ length: count }, (_, index) => (index + 1) * POSITION_STEP);
}

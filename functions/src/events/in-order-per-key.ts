/**
 * A stream batch handled at the same time where order cannot matter: records that share a key (the same item,
 * the same person) are handled one after another in stream order, and the groups they form run side by side.
 * This is Lambda's own guarantee for a shard read with a parallelization factor (order per partition key),
 * widened to what a record's handling touches, so a person's second visit is never credited before the first
 * one exposed them.
 */

/**
 * Handles every item (`handle` answers false for a failure, which stops its group there) and answers the
 * position of the first item, in the given order, that failed or was not reached: the batch is retried from
 * it. Items after it that succeeded are handled again then, which every stream consumer allows.
 */
export async function inOrderPerKey<T>(
  items: readonly T[],
  keysOf: (item: T) => readonly string[],
  handle: (item: T) => Promise<boolean>,
): Promise<number | undefined> {
  const groups = groupByKeys(items.map(keysOf));
  const failures = await Promise.all(
    groups.map(async (group) => {
      for (const index of group) if (!(await handle(items[index] as T))) return index;
      return undefined;
    }),
  );
  const failed = failures.filter((f): f is number => f !== undefined);
  return failed.length ? Math.min(...failed) : undefined;
}

/** Positions grouped so that two items sharing a key, directly or through others, are in one group, in order. */
export function groupByKeys(keysOfItems: readonly (readonly string[])[]): number[][] {
  const parent = keysOfItems.map((_, i) => i);
  const root = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i] as number] as number;
      i = parent[i] as number;
    }
    return i;
  };
  const ownerOf = new Map<string, number>();
  keysOfItems.forEach((keys, i) => {
    for (const key of keys) {
      const owner = ownerOf.get(key);
      if (owner === undefined) ownerOf.set(key, i);
      else {
        const [a, b] = [root(owner), root(i)];
        if (a !== b) parent[Math.max(a, b)] = Math.min(a, b);
      }
    }
  });
  const groups = new Map<number, number[]>();
  keysOfItems.forEach((_, i) => {
    const r = root(i);
    const group = groups.get(r);
    if (group) group.push(i);
    else groups.set(r, [i]);
  });
  return [...groups.values()];
}

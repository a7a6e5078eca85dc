/**
 * `target.push(...items)` without the spread: a spread passes every item as an argument, and past about
 * 100,000 of them (a 5 MB timeline) the call overflows the stack.
 */
export function pushAll<T>(target: T[], items: Iterable<T>): T[] {
  for (const item of items) target.push(item);
  return target;
}

/** `Math.max(floor, ...items.map(value))` without the spread (see pushAll): a table may have 100,000 rows. */
export function maxOf<T>(items: Iterable<T>, value: (item: T) => number, floor: number): number {
  let max = floor;
  for (const item of items) {
    const v = value(item);
    if (v > max) max = v;
  }
  return max;
}

/**
 * `target.push(...items)` without the spread: a spread passes every item as an argument, and past about
 * 100,000 of them (a 5 MB timeline) the call overflows the stack.
 */
export function pushAll<T>(target: T[], items: Iterable<T>): T[] {
  for (const item of items) target.push(item);
  return target;
}

/**
 * Sorts an array in place, stably, with the result Array.prototype.sort gives for the same
 * comparator. The layers of one article are short lists, and V8's sort allocates a work copy and
 * its state on every call, which adds up over millions of articles: up to `insertionLimit` items
 * are sorted by insertion, which allocates nothing.
 */
export function sortShort<T>(items: T[], compare: (a: T, b: T) => number): T[] {
  return items.length > insertionLimit ? items.sort(compare) : sortByInsertion(items, compare);
}

/**
 * Sorts an array in place, stably, by insertion, whatever its length: for short lists, and for
 * lists that arrive nearly in order, where each item moves only a few places (about one
 * comparison an item, no allocation).
 */
export function sortByInsertion<T>(items: T[], compare: (a: T, b: T) => number): T[] {
  for (let i = 1; i < items.length; i++) {
    const item = items[i];
    let j = i - 1;
    // Only a strictly greater item moves right: equal items keep their order, as a stable sort keeps them.
    while (j >= 0 && compare(items[j], item) > 0) { items[j + 1] = items[j]; j--; }
    items[j + 1] = item;
  }
  return items;
}

const insertionLimit = 16;

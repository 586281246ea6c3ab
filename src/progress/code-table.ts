/**
 * The stable index table of progress codes (see code.ts): position i is bit i of a code's bitmap.
 *
 * APPEND ONLY. Never reorder, rename or remove an entry: codes that learners already wrote down
 * name exercises by these positions. A removed exercise keeps its place (it is simply never
 * shown); a renamed one gets a new entry at the end. Exercises not listed yet still work in
 * codes (by hash, a few characters longer); `npx tsx scripts/progress-table.ts` appends them.
 */
export const codeTable: readonly string[] = [
  "first-container/hello",
  "first-container/sleeper",
  "namespaces/hostname",
  "namespaces/shared-pid",
];

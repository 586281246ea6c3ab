/**
 * Where the workbook reports passes: the learner's progress store (src/progress/store.ts). The
 * runtime imports this module only when an exercise passes, so the store and IndexedDB code load
 * with the first pass, not with the page.
 */
export { recordPass } from "../progress/store";

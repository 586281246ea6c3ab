/**
 * Appends exercises that are not yet in the progress-code table (src/progress/code-table.ts)
 * to its end. Codes still work for exercises missing from the table (by hash), but they are
 * shorter when the table is complete.
 *   npx tsx scripts/progress-table.ts          append missing exercise ids
 *   npx tsx scripts/progress-table.ts --check  exit 1 if any are missing
 */
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { allExercises } from "../content/exercises";
import { codeTable } from "../src/progress/code-table";
import { appendToCodeTable } from "../src/progress/code-table-file";

const file = fileURLToPath(new URL("../src/progress/code-table.ts", import.meta.url));
const missing = allExercises.map((e) => e.id).filter((id) => !codeTable.includes(id));

if (missing.length === 0) {
  console.log(`code table up to date (${codeTable.length} exercises)`);
} else if (process.argv.includes("--check")) {
  console.error(`not in the progress-code table: ${missing.join(", ")}\nrun: npx tsx scripts/progress-table.ts`);
  process.exitCode = 1;
} else {
  writeFileSync(file, appendToCodeTable(readFileSync(file, "utf8"), missing));
  console.log(`appended to the code table: ${missing.join(", ")}`);
}

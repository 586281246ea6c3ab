import { readFileSync } from "node:fs";
import { cases } from "./testdata/sys-cases/system";
import { recordedSuite } from "./testdata/sys-suite";

recordedSuite("system", cases, JSON.parse(readFileSync(new URL("./testdata/sys-recorded/system.json", import.meta.url), "utf8")));

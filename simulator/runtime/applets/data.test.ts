import { readFileSync } from "node:fs";
import { cases } from "./testdata/sys-cases/data";
import { recordedSuite } from "./testdata/sys-suite";

recordedSuite("data", cases, JSON.parse(readFileSync(new URL("./testdata/sys-recorded/data.json", import.meta.url), "utf8")));

import { readFileSync } from "node:fs";
import { cases } from "./testdata/sys-cases/identity";
import { recordedSuite } from "./testdata/sys-suite";

recordedSuite("identity", cases, JSON.parse(readFileSync(new URL("./testdata/sys-recorded/identity.json", import.meta.url), "utf8")));

import { readFileSync } from "node:fs";
import { cases } from "./testdata/sys-cases/tar";
import { recordedSuite } from "./testdata/sys-suite";

recordedSuite("tar", cases, JSON.parse(readFileSync(new URL("./testdata/sys-recorded/tar.json", import.meta.url), "utf8")));

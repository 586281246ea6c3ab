import { describe, expect, it } from "vitest";
import { diffIdOf } from "../snapshots/layers";
import { BUSYBOX_MODEL } from "./busybox.data";
import { BUSYBOX_DIFF_ID } from "./busybox-digest";
import { treeFromEntries } from "./load-model";

describe("the busybox layer's recorded diffID", () => {
  it("is the digest of the tar the busybox model makes (update busybox-digest.ts when this fails)", () => {
    const tree = treeFromEntries(BUSYBOX_MODEL.entries, () => "busybox");
    expect(diffIdOf(tree), "write this value into simulator/images/busybox-digest.ts").toBe(BUSYBOX_DIFF_ID);
  });
});

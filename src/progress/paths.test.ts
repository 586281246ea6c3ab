import { describe, expect, it } from "vitest";
import { comingTitle, coursePaths, plannedLessons, resolvePath } from "./paths";

const lesson = (slug: string, order: number) => ({ slug, order });
const path = (id: string) => coursePaths.find((p) => p.id === id)!;

describe("course paths", () => {
  it("are the three paths of the course, by planned lesson number", () => {
    expect(coursePaths.map((p) => p.id)).toEqual(["onboarding", "layers-and-builds", "runtime-and-isolation"]);
    expect(path("layers-and-builds").lessons).toEqual(["image-layers", "union-filesystems", "whiteouts", "build-cache"]);
    expect(path("runtime-and-isolation").lessons).toEqual([
      "first-container",
      "namespaces",
      "cgroups",
      "lifecycle",
      "networks",
      "security",
    ]);
    expect(plannedLessons).toHaveLength(15);
  });

  it("show lessons not written yet as slugs without a lesson", () => {
    const steps = resolvePath(path("layers-and-builds"), [lesson("whiteouts", 6), lesson("first-container", 1)]);
    expect(steps.map((s) => [s.slug, Boolean(s.lesson)])).toEqual([
      ["image-layers", false],
      ["union-filesystems", false],
      ["whiteouts", true],
      ["build-cache", false],
    ]);
  });

  it("onboarding: every lesson in course order, missing planned ones where the plan puts them", () => {
    const steps = resolvePath(path("onboarding"), [
      lesson("cgroups", 3),
      lesson("first-container", 1),
      lesson("extra-topic", 16),
    ]);
    expect(steps.map((s) => s.slug)).toEqual([...plannedLessons, "extra-topic"]);
    expect(steps.filter((s) => s.lesson).map((s) => s.slug)).toEqual(["first-container", "cgroups", "extra-topic"]);
  });

  it("name a coming lesson from its slug", () => {
    expect(comingTitle("union-filesystems")).toBe("Union filesystems");
  });
});

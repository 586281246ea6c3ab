/**
 * Course paths: the same lessons in different selections, by lesson slug. A slug that has no
 * lesson yet is shown as "coming", so paths can name lessons before they are written.
 */
/** The site's languages (as SiteLocale in src/lessons/catalog.ts, which needs astro:content). */
type SiteLocale = "en" | "ja";

/** The course as planned, in order (lesson n is plannedLessons[n - 1]). */
export const plannedLessons = [
  "first-container",
  "namespaces",
  "cgroups",
  "image-layers",
  "union-filesystems",
  "whiteouts",
  "build-cache",
  "lifecycle",
  "moving-a-system",
  "volumes",
  "networks",
  "security",
  "registries",
  "compose",
  "ecosystem",
] as const;

const lesson = (n: number): string => plannedLessons[n - 1]!;

export interface CoursePath {
  id: string;
  title: Record<SiteLocale, string>;
  description: Record<SiteLocale, string>;
  /** Lesson slugs in path order; "all" is every lesson of the course in course order. */
  lessons: readonly string[] | "all";
}

export const coursePaths: readonly CoursePath[] = [
  {
    id: "onboarding",
    title: { en: "Onboarding", ja: "オンボーディング" },
    description: {
      en: "The whole course in order, from a first container to the ecosystem around Docker.",
      ja: "最初のコンテナから Docker を取り巻くエコシステムまで、コース全体を順番に。",
    },
    lessons: "all",
  },
  {
    id: "layers-and-builds",
    title: { en: "Workshop: layers and builds", ja: "ワークショップ: レイヤーとビルド" },
    description: {
      en: "Images as stacks of layers, copy-on-write, whiteouts and the build cache.",
      ja: "レイヤーの積み重ねとしてのイメージ、コピーオンライト、ホワイトアウト、ビルドキャッシュ。",
    },
    lessons: [4, 5, 6, 7].map(lesson),
  },
  {
    id: "runtime-and-isolation",
    title: { en: "Workshop: runtime and isolation", ja: "ワークショップ: ランタイムと分離" },
    description: {
      en: "What a container is at run time: namespaces, cgroups, lifecycle, networks and security.",
      ja: "実行中のコンテナの正体: 名前空間、cgroups、ライフサイクル、ネットワーク、セキュリティ。",
    },
    lessons: [1, 2, 3, 8, 11, 12].map(lesson),
  },
];

/** One lesson of a path: the lesson, or only its slug when it is not written yet. */
export interface PathStep<L> {
  slug: string;
  lesson: L | undefined;
}

/**
 * The steps of a path against the lessons that exist. For "all", existing lessons keep their
 * course order and planned lessons that are missing are placed where the plan puts them.
 */
export function resolvePath<L extends { slug: string; order: number }>(
  path: CoursePath,
  lessons: readonly L[],
): PathStep<L>[] {
  const bySlug = new Map(lessons.map((l) => [l.slug, l]));
  if (path.lessons !== "all") return path.lessons.map((slug) => ({ slug, lesson: bySlug.get(slug) }));
  const steps: { step: PathStep<L>; order: number; missing: boolean }[] = lessons.map((l) => ({
    step: { slug: l.slug, lesson: l },
    order: l.order,
    missing: false,
  }));
  plannedLessons.forEach((slug, i) => {
    if (!bySlug.has(slug)) steps.push({ step: { slug, lesson: undefined }, order: i + 1, missing: true });
  });
  return steps
    .sort((a, b) => a.order - b.order || Number(a.missing) - Number(b.missing))
    .map(({ step }) => step);
}

/** "namespaces" -> "Namespaces": a readable name for a lesson that is not written yet. */
export function comingTitle(slug: string): string {
  const words = slug.split("-").join(" ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * Translation completeness (TRANSLATING.md). For every lesson in content/lessons/ and every
 * locale folder content/<locale>/lessons/:
 * - a translated lesson keeps the English file's <Exercise> ids, <Run> commands and console
 *   blocks exactly, and its order, minutes and prerequisites; any difference fails;
 * - a translated page links only to pages of its own locale (no /lessons/… from a /ja/ page);
 * - a translation without an English lesson fails.
 * - every exercise has its title, goal, hints and check descriptions in the locale (the check
 *   messages are covered where the wrong attempts are replayed: tests/lessons).
 * Lessons and exercises not translated yet are listed in the output. They fail only when
 * REQUIRE_ALL_TRANSLATED is true: switch it on once the course is fully translated.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { allExercises } from "../../content/exercises";
import { compareLessons, exerciseTextProblems, linkedLessons, linksOutOfLocale } from "./completeness";

const REQUIRE_ALL_TRANSLATED = true;

const CONTENT = join(import.meta.dirname, "../../content");
const LESSONS = join(CONTENT, "lessons");

const lessonFile = (dir: string, slug: string) => join(dir, slug, "index.mdx");
const slugsIn = (dir: string) =>
  existsSync(dir) ? readdirSync(dir).filter((slug) => existsSync(lessonFile(dir, slug))).sort() : [];

const englishSlugs = slugsIn(LESSONS);
const locales = readdirSync(CONTENT)
  .filter((name) => /^[a-z]{2}(-[a-z]{2,4})?$/i.test(name) && existsSync(join(CONTENT, name, "lessons")))
  .sort();

describe("translation completeness", () => {
  it("there are English lessons and at least one locale", () => {
    expect(englishSlugs.length).toBeGreaterThan(0);
    expect(locales).toContain("ja");
  });

  for (const locale of locales) {
    const dir = join(CONTENT, locale, "lessons");
    const translated = slugsIn(dir);
    const missing = englishSlugs.filter((slug) => !translated.includes(slug));

    describe(locale, () => {
      it(`lessons translated: ${translated.length} of ${englishSlugs.length}`, () => {
        const lines = [
          `[i18n] ${locale}: ${translated.length} of ${englishSlugs.length} lessons translated`,
          ...englishSlugs.map((slug) => `  ${translated.includes(slug) ? "✓" : "✗ missing"}  ${slug}`),
        ];
        console.log(lines.join("\n"));
        if (REQUIRE_ALL_TRANSLATED) expect(missing, `lessons without a ${locale} translation`).toEqual([]);
      });

      it(`exercise texts translated`, () => {
        const untranslated = allExercises.filter((ex) => !ex.translations?.[locale as "ja"]).map((ex) => ex.id);
        console.log(`[i18n] ${locale}: ${allExercises.length - untranslated.length} of ${allExercises.length} exercises translated${untranslated.length ? `; not yet: ${untranslated.join(", ")}` : ""}`);
        if (REQUIRE_ALL_TRANSLATED) expect(untranslated, `exercises without ${locale} texts`).toEqual([]);
        const problems = allExercises.flatMap((ex) => exerciseTextProblems(ex, locale as "ja"));
        expect(problems).toEqual([]);
      });

      it("every translation has an English lesson", () => {
        expect(translated.filter((slug) => !englishSlugs.includes(slug))).toEqual([]);
      });

      for (const slug of translated.filter((s) => englishSlugs.includes(s))) {
        const english = readFileSync(lessonFile(LESSONS, slug), "utf8");
        const page = readFileSync(lessonFile(dir, slug), "utf8");

        it(`${slug}: same exercises, Run commands, console blocks and fixed frontmatter as English`, () => {
          expect(compareLessons(english, page)).toEqual([]);
        });

        it(`${slug}: links stay in /${locale}/`, () => {
          expect(linksOutOfLocale(page, locale)).toEqual([]);
          const unknown = linkedLessons(page, locale).filter((s) => !englishSlugs.includes(s));
          if (unknown.length > 0) {
            console.log(`[i18n] ${locale}/${slug} links to lessons not written yet: ${unknown.join(", ")}`);
          }
          const untranslated = linkedLessons(page, locale).filter((s) => englishSlugs.includes(s) && !translated.includes(s));
          if (REQUIRE_ALL_TRANSLATED) expect(untranslated, "links to lessons shown in English").toEqual([]);
        });
      }
    });
  }
});

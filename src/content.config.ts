import { defineCollection } from "astro:content";
import { glob } from "astro/loaders";
import { docsSchema, i18nSchema } from "@astrojs/starlight/schema";
import { i18nLoader } from "@astrojs/starlight/loaders";
import { lessonFields } from "./lessons/frontmatter";

/**
 * Starlight's `docs` collection, read from content/ instead of src/content/docs/:
 *   content/lessons/<slug>/index.mdx      -> /lessons/<slug>/
 *   content/ja/lessons/<slug>/index.mdx   -> /ja/lessons/<slug>/ (a Japanese translation)
 * A lesson without a Japanese file is served at /ja/lessons/<slug>/ in English with a notice.
 * Only index files are pages: a lesson folder's other files (exercise.ts, context/ build
 * contexts, which may hold README.md files of their own) are not.
 */
const docs = defineCollection({
  loader: glob({
    base: "./content",
    pattern: ["lessons/*/index.{md,mdx}", "ja/lessons/*/index.{md,mdx}"],
  }),
  schema: docsSchema({ extend: lessonFields }),
});

/** Overrides of Starlight's own interface strings, per language (src/content/i18n/<lang>.json). */
const i18n = defineCollection({ loader: i18nLoader(), schema: i18nSchema() });

export const collections = { docs, i18n };

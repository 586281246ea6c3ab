import { z } from "astro/zod";

/**
 * Frontmatter fields a lesson adds to Starlight's own (title, description, sidebar, ...).
 * Kept free of astro:content so tests and tools can validate lesson files directly.
 */
const order = z.number().int().positive();
const orderDescription =
  "Position of the lesson in the course, 1 for the first. Sets the sidebar and landing-page " +
  "order (folder names never do). Required for every content/lessons/<slug>/index.mdx and " +
  "unique among them; translations may leave it out.";

export const lessonFields = z.object({
  order: order.optional().describe(orderDescription),
  minutes: z
    .number()
    .int()
    .positive()
    .max(240)
    .optional()
    .describe("Estimated time to work through the lesson, in minutes, shown to learners."),
  objectives: z
    .array(z.string().min(1))
    .default([])
    .describe("What the learner can do after the lesson, one short sentence each."),
  prerequisites: z
    .array(z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "a lesson slug such as first-container"))
    .default([])
    .describe("Slugs of lessons (folder names under content/lessons/) to finish first."),
});

export type LessonFields = z.infer<typeof lessonFields>;

/** Lesson files must carry an order; other Starlight pages (landing, sandbox) need not. */
export const lessonFileFields = lessonFields.extend({ order: order.describe(orderDescription) });

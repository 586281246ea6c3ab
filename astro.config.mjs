// @ts-check
import { fileURLToPath } from "node:url";
import { defineConfig } from "astro/config";
import starlight from "@astrojs/starlight";
import mdx from "@astrojs/mdx";
import { starlightInlineScriptHashes } from "./src/csp/starlight-inline-scripts.ts";
import { lessonSidebarItems, readLessonFiles } from "./src/lessons/sidebar.ts";
import { presenterInlineScriptHashes } from "./src/presenter/presenter-csp.ts";
import { offlineIntegration } from "./src/offline/integration.ts";

const lessonsDir = fileURLToPath(new URL("./content/lessons/", import.meta.url));

/**
 * Layerlab is a static site: every page is prerendered into dist/, there is no server, and the
 * same files work from any static host, a laptop on a workshop LAN, or a local folder server.
 *
 * Content Security Policy: Astro renders a <meta http-equiv="content-security-policy"> into every
 * page with sha256 hashes of the inline scripts and styles it emits. Nothing is loaded from any
 * origin but our own. Starlight's few `<script is:inline>` blocks are not hashed by Astro; their
 * hashes are computed from the installed Starlight (src/csp/starlight-inline-scripts.ts), and
 * presenter mode's boot script is hashed likewise (src/presenter/presenter-csp.ts).
 * Exceptions, each kept as narrow as the browser allows:
 * - 'wasm-unsafe-eval' (not 'unsafe-eval'): Pagefind search compiles its WebAssembly index reader.
 * - style-src-attr 'unsafe-inline': Starlight and Expressive Code put style="" attributes in HTML
 *   (icon sizes, token colours). Style attributes cannot run script.
 * - Pages that show a terminal add style-src-elem 'unsafe-inline' themselves (see
 *   src/terminal/Terminal.astro): xterm's DOM renderer writes <style> elements at run time.
 */
/** @type {Exclude<NonNullable<import("astro").AstroUserConfig["security"]>["csp"], boolean | undefined>} */
const csp = {
  algorithm: "SHA-256",
  directives: [
    "default-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "worker-src 'self'",
    "manifest-src 'self'",
    "media-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ],
  scriptDirective: {
    resources: ["'self'", "'wasm-unsafe-eval'"],
    hashes: [...starlightInlineScriptHashes(), ...presenterInlineScriptHashes()],
  },
  styleDirective: {
    resources: [
      { resource: "'self'", kind: "element" },
      { resource: "'unsafe-inline'", kind: "attribute" },
    ],
  },
};

export default defineConfig({
  trailingSlash: "ignore",
  // No telemetry, no remote fonts or images: builds and pages stay on this machine.
  devToolbar: { enabled: false },
  security: { csp },
  server: { host: "127.0.0.1" },
  // Code blocks are highlighted at build time by Starlight's Expressive Code, which writes its
  // styles to a stylesheet; Astro's own Shiki pass (inline styles) is not used.
  // no typographic rewriting: "--rm" must stay two hyphens in click-to-run commands and prose
  markdown: { syntaxHighlight: false, smartypants: false },
  integrations: [
    starlight({
      title: "Layerlab",
      description:
        "Learn how Docker really works: short lessons beside a Docker engine that runs in your browser.",
      defaultLocale: "root",
      locales: {
        root: { label: "English", lang: "en" },
        ja: { label: "日本語", lang: "ja" },
      },
      // Lesson files live in content/ (see src/content.config.ts); Starlight's Markdown
      // features (asides, heading anchors) apply there too.
      markdown: { processedDirs: ["./content"] },
      // Our own 404 page (src/pages/404.astro) speaks both languages.
      disable404Route: true,
      customCss: ["./src/styles/layerlab.css", "./src/progress/progress.css", "./src/presenter/presenter.css"],
      components: {
        // Presenter mode's boot script and the service worker registration.
        Head: "./src/presenter/Head.astro",
        // The theme picker, followed by the presenter-mode switch.
        ThemeSelect: "./src/presenter/ThemeSelect.astro",
        // The title, followed on lesson pages by the learner's progress in the lesson.
        PageTitle: "./src/progress/PageTitle.astro",
      },
      sidebar: [
        {
          label: "Start here",
          translations: { ja: "はじめに" },
          items: [
            { label: "Home", translations: { ja: "ホーム" }, link: "/" },
            { label: "Sandbox", translations: { ja: "サンドボックス" }, link: "/sandbox/" },
            { label: "Your progress", translations: { ja: "学習の進み具合" }, link: "/progress/" },
            { label: "Course paths", translations: { ja: "学習コース" }, link: "/paths/" },
          ],
        },
        {
          // In course order, from each lesson's `order` frontmatter (src/lessons/sidebar.ts).
          label: "Lessons",
          translations: { ja: "レッスン" },
          items: lessonSidebarItems(lessonsDir),
        },
      ],
    }),
    mdx(),
    // After Starlight (and its search index), so that the service worker lists every file.
    offlineIntegration(),
    {
      // The sidebar is computed from lesson frontmatter when the config loads: let the dev
      // server restart when a lesson's frontmatter may have changed.
      name: "layerlab:lesson-sidebar",
      hooks: {
        "astro:config:setup": ({ addWatchFile }) => {
          for (const lesson of readLessonFiles(lessonsDir)) addWatchFile(lesson.path);
        },
      },
    },
  ],
});

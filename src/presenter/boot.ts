/**
 * Presenter mode for instructors: large type, high contrast, exercise solutions hidden unless
 * asked for. It is one attribute, `data-presenter` on <html>, that stylesheets follow:
 *   presenter.css                      type and contrast
 *   [data-presenter] .ll-solution      the workbook hides solutions until they are asked for
 * It is switched by the header button (PresenterToggle.astro) or by `?present` in a page's URL
 * (`?present=0` switches it off), and remembered in this browser (localStorage).
 *
 * The attribute must be set before the page paints, or every page would flash in normal type:
 * hence this small inline script, whose hash astro.config.mjs adds to the CSP
 * (presenter-csp.ts). Erasable TypeScript only: astro.config.mjs imports this file.
 */
import { presenterAttribute, presenterStorageKey } from "./mode.ts";

export const presenterBootScript =
  `(function(){try{var k=${JSON.stringify(presenterStorageKey)},q=new URLSearchParams(location.search).get("present");` +
  `if(q!==null){if(/^(0|off|false|no)$/i.test(q))localStorage.removeItem(k);else localStorage.setItem(k,"1")}` +
  `if(localStorage.getItem(k)==="1")document.documentElement.setAttribute(${JSON.stringify(presenterAttribute)},"")}catch(e){}})();`;

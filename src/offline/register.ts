/**
 * Registers the service worker (public site root /sw.js, written by the build: see
 * integration.ts), so that after a first visit the whole site works offline. Production builds
 * only: the dev server has no sw.js.
 */
if (import.meta.env.PROD && "serviceWorker" in navigator) {
  const register = () => {
    navigator.serviceWorker.register(`${import.meta.env.BASE_URL}sw.js`, { scope: import.meta.env.BASE_URL }).catch(() => {
      // No worker (blocked, private mode, file://): the site still works online.
    });
  };
  if (document.readyState === "complete") register();
  else addEventListener("load", register, { once: true });
}

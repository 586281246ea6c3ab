/** The presenter-mode buttons (PresenterToggle.astro): switch the attribute, remember the choice. */
import { presenterAttribute, presenterStorageKey } from "./mode";

const root = document.documentElement;

function isOn(): boolean {
  return root.hasAttribute(presenterAttribute);
}

function sync() {
  for (const button of document.querySelectorAll<HTMLButtonElement>("[data-ll-presenter-toggle]")) {
    button.setAttribute("aria-pressed", String(isOn()));
  }
}

export function setPresenter(on: boolean) {
  root.toggleAttribute(presenterAttribute, on);
  try {
    if (on) localStorage.setItem(presenterStorageKey, "1");
    else localStorage.removeItem(presenterStorageKey);
  } catch {
    // Storage refused: the mode still applies to this page.
  }
  // A `?present` in the address would switch the mode on again on reload.
  const url = new URL(location.href);
  if (!on && url.searchParams.has("present")) {
    url.searchParams.delete("present");
    history.replaceState(history.state, "", url);
  }
  sync();
}

for (const button of document.querySelectorAll<HTMLButtonElement>("[data-ll-presenter-toggle]")) {
  button.addEventListener("click", () => setPresenter(!isOn()));
}
sync();
// Another tab switching the mode switches it here too.
addEventListener("storage", (event) => {
  if (event.key === presenterStorageKey) {
    root.toggleAttribute(presenterAttribute, event.newValue === "1");
    sync();
  }
});

/** Presenter mode's names, shared by the boot script, the toggle and the tests. */
export const presenterStorageKey = "layerlab-presenter";
export const presenterAttribute = "data-presenter";

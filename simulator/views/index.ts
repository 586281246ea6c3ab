/**
 * View models: what each of the browser's engine views draws, as plain data computed from the
 * simulated host (no DOM). src/views/ renders them.
 */
export * from "./layers";
export * from "./build-cache";
export * from "./containers";
export * from "./networks";
export * from "./volumes";
export * from "./signal";

/**
 * The three terminal commands of the real-Docker verify mode for one exercise, as the README and
 * the lesson pages show them. Pure: no Node imports, so the site can use it.
 */

export interface VerifyCommands {
  setup: string;
  check: string;
  clean: string;
}

/** Exercise ids are "<lesson-slug>/<name>" in kebab-case: safe in a shell command unquoted. */
const SAFE_ID = /^[a-z0-9][a-z0-9-]*\/[a-z0-9][a-z0-9-]*$/;

export function verifyCommands(id: string): VerifyCommands {
  if (!SAFE_ID.test(id)) throw new Error(`not an exercise id: ${JSON.stringify(id)} (expected "<lesson-slug>/<name>")`);
  const base = "npm run --silent verify --";
  return { setup: `${base} setup ${id}`, check: `${base} check ${id}`, clean: `${base} clean ${id}` };
}

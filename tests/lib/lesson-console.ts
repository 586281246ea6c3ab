// The command transcripts lessons show: fenced ```console blocks, where a line starting with
// "$ " is a command (a trailing backslash continues it on the next line) and the lines after it,
// up to the next command, are its output as the terminal shows it.
// A block marked ```console replay=simulator shows what only the simulator can run here (a
// registry, buildx): it is left out of the real-Docker replay and replayed in the simulator alone
// (simulatorCommands, tests/lessons/simulated-console.test.ts).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from './corpus';

export interface ShownCommand {
  cmd: string;
  /** The output lines shown under the command, joined, with a final newline when not empty. */
  output: string;
}

export interface LessonTranscript {
  slug: string;
  file: string;
  commands: ShownCommand[];
}

const FENCE = /^(\s*)(`{3,}|~{3,})\s*console\b(.*)$/;
const SIMULATOR_ONLY = /(^|\s)replay=["']?simulator["']?(\s|$)/;

/** Every command of every ```console block of a page, in order (blocks for the simulator only: with `simulator`). */
export function consoleCommands(text: string, which: 'real' | 'simulator' = 'real'): ShownCommand[] {
  const lines = text.split(/\r?\n/);
  const commands: ShownCommand[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = FENCE.exec(lines[i]);
    if (!open) continue;
    const [, indent, fence, meta] = open;
    if (SIMULATOR_ONLY.test(meta) !== (which === 'simulator')) continue;
    let current: { cmd: string; out: string[] } | null = null;
    let continuing = false;
    const flush = () => {
      if (current) commands.push({ cmd: current.cmd, output: current.out.length > 0 ? current.out.join('\n') + '\n' : '' });
      current = null;
    };
    for (i++; i < lines.length; i++) {
      const raw = lines[i].startsWith(indent) ? lines[i].slice(indent.length) : lines[i].trimStart();
      if (raw.trimEnd().startsWith(fence[0].repeat(3)) && raw.trim().replace(/[`~]/g, '') === '') break;
      if (continuing && current) {
        const part = raw.replace(/^>\s?/, '');
        continuing = part.endsWith('\\');
        (current as { cmd: string }).cmd += ' ' + (continuing ? part.slice(0, -1).trimEnd() : part.trim());
        continue;
      }
      if (raw.startsWith('$ ')) {
        flush();
        const cmd = raw.slice(2);
        continuing = cmd.endsWith('\\');
        current = { cmd: continuing ? cmd.slice(0, -1).trimEnd() : cmd, out: [] };
        continue;
      }
      if (current) (current as { out: string[] }).out.push(raw);
    }
    flush();
  }
  return commands;
}

/** The lessons (content/lessons/<slug>/index.mdx or .md) that show at least one command. */
export function lessonTranscripts(root = join(REPO_ROOT, 'content', 'lessons'), which: 'real' | 'simulator' = 'real'): LessonTranscript[] {
  if (!existsSync(root)) return [];
  const out: LessonTranscript[] = [];
  for (const slug of readdirSync(root).sort()) {
    const file = ['index.mdx', 'index.md'].map((f) => join(root, slug, f)).find((f) => existsSync(f));
    if (!file) continue;
    const commands = consoleCommands(readFileSync(file, 'utf8'), which);
    if (commands.length > 0) out.push({ slug, file, commands });
  }
  return out;
}

// An exercise that makes every kind of object verify setup can create (files, a build, tags,
// a volume, a network, containers named and unnamed, a volume made on first use), for the
// verify safety and CLI tests. Not part of the course.
import type { CheckEngine } from '../../../simulator/check/engine';
import { defineExercises, type CheckResult, type Exercise } from '../../../simulator/check/exercise';

const ok: CheckResult = { pass: true };
const no = (message: string): CheckResult => ({ pass: false, message, translations: { ja: message } });

/** The exercise, its objects named with `prefix` (kebab case) so that runs never collide. */
export function makeFixture(P: string): Exercise {
  const web = (engine: CheckEngine) => engine.container(`${P}-web`);
  return defineExercises([
    {
      id: `${P}-lesson/all-kinds`,
      title: 'Every kind of object',
      goal: `Write \`hello\` into \`/data/greeting\` of the running container \`${P}-web\`.`,
      setup: [
        { file: 'Dockerfile', content: 'FROM busybox\nRUN echo built > /built.txt\nCMD ["sleep", "3600"]\n' },
        { file: 'notes/todo.txt', content: 'write the greeting\n' },
        { docker: ['build', '-t', `${P}-app:1`, '.'] },
        { docker: ['tag', `${P}-app:1`, `${P}-app:latest`] },
        { docker: ['volume', 'create', `${P}-data`] },
        { docker: ['network', 'create', `${P}-net`] },
        { docker: ['run', '-d', '--name', `${P}-web`, '--network', `${P}-net`, '-v', `${P}-data:/data`, '-v', `${P}-cache:/cache`, `${P}-app:1`] },
        { docker: ['container', 'create', '--name', `${P}-idle`, 'busybox', 'true'] },
        { docker: ['run', '-d', `${P}-app:1`, 'sleep', '3600'] },
        { docker: ['exec', `${P}-web`, 'touch', '/data/.ready'] },
      ],
      hints: ['`docker exec` runs a command in a running container.'],
      solution: [`docker exec ${P}-web sh -c 'echo hello > /data/greeting'`],
      wrong: [{ commands: [`docker exec ${P}-web sh -c 'echo bye > /data/greeting'`], expect: 'holds "bye"' }],
      checks: [
        {
          description: `\`${P}-web\` is running on \`${P}-net\``,
          async run(engine) {
            const c = await web(engine);
            if (!c) return no(`there is no container \`${P}-web\``);
            if (!c.State.Running) return no(`\`${P}-web\` is ${c.State.Status}`);
            const net = await engine.network(`${P}-net`);
            if (!net || !Object.keys(c.NetworkSettings.Networks).includes(`${P}-net`)) return no(`\`${P}-web\` is not on \`${P}-net\``);
            return ok;
          },
        },
        {
          description: 'the image was built from the working folder',
          async run(engine) {
            const built = await engine.readFile(`${P}-web`, '/built.txt');
            const exec = await engine.exec(`${P}-web`, ['cat', '/built.txt']);
            const todo = await engine.hostFile('notes/todo.txt');
            if (built !== 'built\n' || exec.stdout !== 'built\n' || todo !== 'write the greeting\n')
              return no(`unexpected: ${JSON.stringify({ built, exec, todo })}`);
            return ok;
          },
        },
        {
          description: `\`/data/greeting\` in \`${P}-web\` says hello`,
          async run(engine) {
            const text = await engine.readFile(`${P}-web`, '/data/greeting');
            if (text === null) return no('`/data/greeting` does not exist yet');
            return text === 'hello\n' ? ok : no(`\`/data/greeting\` holds ${JSON.stringify(text.trim())}, expected "hello"`);
          },
        },
      ],
      real: true,
    },
  ])[0];
}

/**
 * What runs when a container's image is built for another architecture than the host's and no
 * emulator is registered: runc's execve of the program fails after the container has started, so
 * runc's init writes the error to the container's stderr and exits with 1 (runc 1.1 and later:
 * `exec /bin/sh: exec format error`).
 */
import type { Program } from "../../runtime/program";

export function foreignProgram(path: string): Program {
  return async (ctx) => {
    await ctx.stderr.write(`exec ${path}: exec format error\n`);
    return 1;
  };
}

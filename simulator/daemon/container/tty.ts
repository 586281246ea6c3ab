/**
 * The output side of a container's pseudo-terminal (-t): the line discipline's ONLCR turns each
 * "\n" into "\r\n", which is why `docker run -t busybox echo hi` prints "hi\r\n" and why the
 * container's log holds the same. The stream reports itself as a terminal.
 */
import type { Writable } from "../../runtime/streams";
import { toBytes } from "../../util/bytes";

export function ttyOutput(w: Writable): Writable {
  const out: Writable = {
    async write(d) {
      const b = toBytes(d);
      let n = 0;
      for (const x of b) if (x === 10) n++;
      if (n === 0) return w.write(b);
      const c = new Uint8Array(b.length + n);
      let j = 0;
      for (const x of b) {
        if (x === 10) c[j++] = 13;
        c[j++] = x;
      }
      return w.write(c);
    },
    close: () => w.close(),
    dup: () => out,
    isTTY: true,
  };
  return out;
}

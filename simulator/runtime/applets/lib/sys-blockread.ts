/** read(2)-like access to a stream: at most n bytes, as much as one chunk (a pipe write) offers. */
import { concat } from "../../../util/bytes";
import type { Readable } from "../../streams";

export class BlockReader {
  private buf: Uint8Array = new Uint8Array(0);
  private eof = false;
  constructor(
    private readonly src: Readable,
    /** Devices like /dev/zero fill any read completely. */
    private readonly device = false,
  ) {}

  /** Up to n bytes; an empty array at end of input. */
  read(n: number): Promise<Uint8Array> {
    return this.device ? this.full(n) : this.chunk(n);
  }

  private async chunk(n: number): Promise<Uint8Array> {
    if (this.buf.length === 0) {
      if (this.eof) return this.buf;
      const c = await this.src.read();
      if (!c) {
        this.eof = true;
        return new Uint8Array(0);
      }
      this.buf = c;
    }
    const out = this.buf.subarray(0, n);
    this.buf = this.buf.subarray(out.length);
    return out;
  }

  /** Read until n bytes or end of input (full_read). */
  async full(n: number): Promise<Uint8Array> {
    const parts: Uint8Array[] = [];
    let got = 0;
    while (got < n) {
      const c = await this.chunk(n - got);
      if (c.length === 0) break;
      parts.push(c);
      got += c.length;
    }
    return parts.length === 1 ? parts[0] : concat(parts);
  }
}

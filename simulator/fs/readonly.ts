/** A generated, read-only filesystem (/proc, /sys): every write fails with EROFS. */
import { type Backend, FsError, type Stat } from "./types";

export abstract class ReadOnlyBackend implements Backend {
  readonly readOnly = true;
  abstract lstat(p: readonly string[]): Stat | null;
  abstract readdir(p: readonly string[]): string[];
  abstract readFile(p: readonly string[]): Uint8Array;

  private ro(): never {
    throw new FsError("EROFS");
  }
  writeFile(): void {
    this.ro();
  }
  mkdir(): void {
    this.ro();
  }
  symlink(): void {
    this.ro();
  }
  mknod(): void {
    this.ro();
  }
  link(): void {
    this.ro();
  }
  unlink(): void {
    this.ro();
  }
  rmdir(): void {
    this.ro();
  }
  rename(): void {
    this.ro();
  }
  setattr(): void {
    this.ro();
  }
}

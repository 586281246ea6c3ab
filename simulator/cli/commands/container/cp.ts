/**
 * docker cp: copy between a container and the local filesystem. As in the docker CLI, the
 * archive travels as a tar: out of the container it is renamed to fit the destination and
 * extracted locally as the user running docker; into the container it is prepared locally and
 * extracted by the daemon (owners kept from the local files). "-" streams the tar itself.
 */
import { containerArchivePath, containerExtractToDir, containerStatPath, type PathStat } from "../../../daemon/archive";
import { ArchiveError, cleanPath, osErrorText, rebaseEntries, splitDirEntry, tarPath, untar } from "../../../daemon/container/archive-fs";
import { isDaemonError } from "../../../daemon/errdefs";
import { FsError } from "../../../fs/types";
import { readAll } from "../../../runtime/streams";
import { readTar } from "../../../util/tar";
import { bool, type CliEnv, type Command } from "../../command";
import { humanSizeWithPrecision } from "../../formatter/units";
import { registerCommand } from "../../registry";

/** splitCpArg: "container:path", or a local path (absolute, "./x:y", or without a colon). */
function splitArg(arg: string): [string, string] {
  if (arg.startsWith("/")) return ["", arg];
  const i = arg.indexOf(":");
  if (i < 0 || arg.slice(0, i).startsWith(".")) return ["", arg];
  return [arg.slice(0, i), arg.slice(i + 1)];
}

interface Info {
  path: string;
  exists: boolean;
  isDir: boolean;
}

/** The part of a copy that says where the archive goes and what its top entry must be called. */
function prepare(tar: Uint8Array, src: Info, dst: Info): { dir: string; tar: Uint8Array } {
  const [dstDir, dstBase] = splitDirEntry(dst.path);
  const [, srcBase] = splitDirEntry(src.path);
  if (dst.exists && dst.isDir) return { dir: dst.path, tar };
  if (dst.exists && src.isDir) throw new ArchiveError("cannot copy directory");
  if (!dst.exists && !src.isDir && /\/\.?$|^\.$/.test(dst.path)) throw new ArchiveError("no such directory");
  return { dir: dstDir, tar: rebaseEntries(tar, srcBase, dstBase) };
}

/** filepath.Abs, keeping a trailing "/" or "/." as docker's path helpers do. */
function localPath(env: CliEnv, p: string): string {
  const abs = cleanPath(p.startsWith("/") ? p : `${env.ctx.cwd}/${p}`);
  if (/\/\.$/.test(p) || p === ".") return abs === "/" ? "/." : `${abs}/.`;
  if (p.endsWith("/")) return abs === "/" ? "/" : `${abs}/`;
  return abs;
}

async function copied(env: CliEnv, quiet: boolean, size: number, to: string): Promise<void> {
  if (!quiet && env.ctx.stderr.isTTY) await env.err(`Successfully copied ${humanSizeWithPrecision(size, 3)} to ${to}\r\n`);
}

async function fromContainer(env: CliEnv, container: string, src: string, dst: string, quiet: boolean): Promise<number> {
  const dstPath = dst === "-" ? "-" : localPath(env, dst);
  const { stat, tar } = containerArchivePath(env.daemon, container, src);
  if (dstPath === "-") {
    await env.ctx.stdout.write(tar);
    return 0;
  }
  const fs = env.ctx.fs;
  let info: Info;
  try {
    const st = fs.stat(dstPath.replace(/\/\.?$/, "") || "/");
    info = { path: dstPath, exists: true, isDir: st.type === "dir" };
  } catch (e) {
    if (e instanceof FsError && e.code !== "ENOENT") throw new ArchiveError(`stat ${dstPath.replace(/\/\.?$/, "") || "/"}: ${osErrorText(e)}`);
    const [parent] = splitDirEntry(dstPath);
    let parentOk = false;
    try {
      parentOk = fs.stat(parent).type === "dir";
    } catch {
      parentOk = false;
    }
    if (!parentOk) throw new ArchiveError(`invalid output path: directory ${JSON.stringify(parent)} does not exist`);
    info = { path: dstPath, exists: false, isDir: false };
  }
  const p = prepare(tar, { path: src, exists: true, isDir: stat.type === "dir" }, info);
  untar(fs, p.tar, p.dir.replace(/\/\.$/, "") || "/", { noLchown: true, noOverwriteDirNonDir: true });
  await copied(env, quiet, tar.length, dstPath);
  return 0;
}

async function toContainer(env: CliEnv, src: string, container: string, dst: string, opts: { archive: boolean; follow: boolean; quiet: boolean }): Promise<number> {
  const d = env.daemon;
  const srcPath = src === "-" ? "-" : localPath(env, src);
  let dstStat: PathStat | null = null;
  try {
    dstStat = containerStatPath(d, container, dst);
  } catch (e) {
    if (!(isDaemonError(e) && e.kind === "NotFound")) throw e;
  }
  if (dstStat && dstStat.type === "symlink" && dstStat.linkTarget) dstStat = containerStatPath(d, container, dstStat.linkTarget);
  if (dstStat && dstStat.type !== "dir" && dstStat.type !== "file") throw new ArchiveError(`destination "${container}:${dst}" must be a directory or a regular file`);
  const dstInfo: Info = { path: dst, exists: dstStat !== null, isDir: dstStat?.type === "dir" };
  let dir: string;
  let tar: Uint8Array;
  if (srcPath === "-") {
    tar = await readAll(env.ctx.stdin);
    if (!dstInfo.isDir) throw new ArchiveError(`destination "${container}:${dst}" must be a directory`);
    readTar(tar);
    dir = dst;
  } else {
    const fs = env.ctx.fs;
    let target = srcPath;
    try {
      if (opts.follow) target = fs.realpath(srcPath);
      fs.lstat(target);
    } catch (e) {
      throw new ArchiveError(`lstat ${srcPath.replace(/\/\.?$/, "") || "/"}: ${osErrorText(e)}`);
    }
    const isDir = fs.stat(target).type === "dir" && (fs.lstat(target).type === "dir" || /\/\.?$/.test(srcPath));
    const [, base] = splitDirEntry(srcPath);
    const local = tarPath(fs, /\/\.?$/.test(srcPath) ? fs.realpath(target) : target, base);
    const p = prepare(local, { path: srcPath, exists: true, isDir }, dstInfo);
    dir = p.dir;
    tar = p.tar;
  }
  containerExtractToDir(d, container, dir, tar, { noOverwriteDirNonDir: true, copyUIDGID: opts.archive });
  await copied(env, opts.quiet, tar.length, `${container}:${dst}`);
  return 0;
}

registerCommand({
  path: "docker cp",
  use: "[OPTIONS] CONTAINER:SRC_PATH DEST_PATH|-\n\tdocker cp [OPTIONS] SRC_PATH|- CONTAINER:DEST_PATH",
  short: "Copy files/folders between a container and the local filesystem",
  long:
    "Copy files/folders between a container and the local filesystem\n\nUse '-' as the source to read a tar archive from stdin\n" +
    "and extract it to a directory destination in a container.\nUse '-' as the destination to stream a tar archive of a\ncontainer source to stdout.",
  aliases: ["docker container cp"],
  args: { kind: "exact", n: 2 },
  flags: [
    { long: "archive", short: "a", type: "bool", usage: "Archive mode (copy all uid/gid information)" },
    { long: "follow-link", short: "L", type: "bool", usage: "Always follow symbol link in SRC_PATH" },
    { long: "quiet", short: "q", type: "bool", usage: "Suppress progress output during copy. Progress output is automatically suppressed if no terminal is attached" },
  ],
  async run(env, v, args) {
    const [srcContainer, srcPath] = splitArg(args[0]);
    const [dstContainer, dstPath] = splitArg(args[1]);
    const quiet = bool(v, "quiet");
    try {
      if (args[0] === "") throw new ArchiveError("source can not be empty");
      if (args[1] === "") throw new ArchiveError("destination can not be empty");
      if (srcContainer && dstContainer) throw new ArchiveError("copying between containers is not supported");
      if (srcContainer) return await fromContainer(env, srcContainer, srcPath, dstPath, quiet);
      if (dstContainer) return await toContainer(env, srcPath, dstContainer, dstPath, { archive: bool(v, "archive"), follow: bool(v, "follow-link"), quiet });
      throw new ArchiveError("must specify at least one container source");
    } catch (e) {
      if (!(e instanceof ArchiveError)) throw e;
      await env.err(e.message + "\n");
      return 1;
    }
  },
} satisfies Command);

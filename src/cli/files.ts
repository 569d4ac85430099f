import {
  closeSync,
  fstatSync,
  fsyncSync,
  openSync,
  readSync,
  realpathSync,
  renameSync,
  type Stats,
  statSync,
  unlinkSync,
  writeSync,
} from "node:fs";
import { basename, dirname, join, resolve } from "node:path";

/**
 * The CLI's file I/O, bounded and atomic. Every failure is one line (a FileError, exit 2): no stack trace,
 * and never exit 1, which means "--fail-on reached".
 */
export class FileError extends Error {
  override name = "FileError";
}

const REASONS: Record<string, string> = {
  ENOENT: "no such file or directory",
  EACCES: "permission denied",
  EPERM: "operation not permitted",
  EISDIR: "is a directory",
  ENOTDIR: "a parent is not a directory",
  ENOSPC: "no space left on the device",
  EDQUOT: "disk quota exceeded",
  EROFS: "read-only file system",
  ELOOP: "too many symbolic links",
  ENAMETOOLONG: "name too long",
  EMFILE: "too many open files",
  EIO: "input/output error",
  EXDEV: "cross-device rename",
  EBUSY: "resource busy",
};

/** `no space left on the device (ENOSPC)` for a Node file-system error. */
export function reasonOf(e: unknown): string {
  const code = (e as NodeJS.ErrnoException)?.code;
  if (code) return REASONS[code] ? `${REASONS[code]} (${code})` : code;
  return e instanceof Error ? e.message : String(e);
}

/** A size cap on one input, named in the error with the flag that raises it (if any). */
export interface InputCap {
  bytes: number;
  /** "the diff", "the PR facts". */
  what: string;
  /** `--max-diff-mb N`, when the cap can be raised. */
  raise?: string;
}

export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${+(n / (1024 * 1024)).toFixed(1)} MiB`;
  if (n >= 1024) return `${+(n / 1024).toFixed(1)} KiB`;
  return `${n} bytes`;
}

function tooLarge(source: string, cap: InputCap): FileError {
  const raise = cap.raise ? `; raise it with ${cap.raise}` : "";
  return new FileError(`${source}: more than ${formatBytes(cap.bytes)}, the cap for ${cap.what}${raise}`);
}

const CHUNK = 1024 * 1024;
/** readSync takes at most 2 GiB at once. */
const MAX_SINGLE_READ = 1024 * 1024 * 1024;

/**
 * Read a file up to `cap.bytes`. A regular file over the cap fails before any read; pipes, FIFOs and
 * devices (`/dev/zero`) are read in chunks and fail as soon as the cap is passed, so memory stays bounded.
 */
export function readFileBounded(path: string, cap: InputCap, label: string): Buffer {
  let fd: number;
  try {
    fd = openSync(path, "r");
  } catch (e) {
    throw new FileError(`cannot read ${label} ${path}: ${reasonOf(e)}`);
  }
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory()) throw new FileError(`cannot read ${label} ${path}: ${REASONS.EISDIR} (EISDIR)`);
    if (stat.isFile() && stat.size > cap.bytes) throw tooLarge(`${label} ${path}`, cap);
    const chunks: Buffer[] = [];
    let total = 0;
    // A regular file is read into one buffer of its size (one byte more sees it grow since the stat),
    // not copied from chunks; what follows, and pipes and devices, in chunks.
    let size = stat.isFile() ? Math.min(stat.size + 1, MAX_SINGLE_READ) : CHUNK;
    for (;;) {
      const chunk = Buffer.allocUnsafe(size);
      let n: number;
      try {
        n = readSync(fd, chunk, 0, size, null);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === "EAGAIN") continue;
        throw new FileError(`cannot read ${label} ${path}: ${reasonOf(e)}`);
      }
      if (n === 0) break;
      total += n;
      if (total > cap.bytes) throw tooLarge(`${label} ${path}`, cap);
      chunks.push(n === size ? chunk : chunk.subarray(0, n));
      size = CHUNK;
    }
    return chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, total);
  } finally {
    closeSync(fd);
  }
}

/** Read standard input (a stream, or a buffer in tests) up to the cap, stopping as soon as it is passed. */
export async function readStreamBounded(
  input: Buffer | AsyncIterable<Uint8Array>,
  cap: InputCap,
  label: string,
): Promise<Buffer> {
  if (Buffer.isBuffer(input)) {
    if (input.length > cap.bytes) throw tooLarge(`${label} on stdin`, cap);
    return input;
  }
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of input) {
    total += chunk.length;
    // Leaving the loop closes the stream: an endless producer gets EPIPE and stops.
    if (total > cap.bytes) throw tooLarge(`${label} on stdin`, cap);
    chunks.push(Buffer.from(chunk));
  }
  return Buffer.concat(chunks, total);
}

function sameFile(a: string, b: string): boolean {
  try {
    const sa = statSync(a);
    const sb = statSync(b);
    return sa.dev === sb.dev && sa.ino === sb.ino;
  } catch {
    return false;
  }
}

/**
 * Write `data` to `target` atomically: into a temp file beside it, flushed, then renamed over it, so a
 * reader never sees half a report and a failure leaves the old file as it was. Refuses a target that is
 * one of the inputs (same file, however named) or a directory. Devices and pipes (`/dev/stdout`,
 * `/dev/full`) are written directly: renaming over them would replace the device.
 */
export function writeFileAtomic(
  target: string,
  data: string,
  inputs: ReadonlyArray<[flag: string, path: string]>,
  shown = target,
): void {
  for (const [flag, path] of inputs) {
    if (path !== "-" && sameFile(target, path))
      throw new FileError(`--output ${shown} is the ${flag} input; refusing to overwrite it`);
  }
  let real = resolve(target);
  let existing: Stats | undefined;
  try {
    real = realpathSync(target);
    existing = statSync(real);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code !== "ENOENT") throw new FileError(`cannot write --output ${shown}: ${reasonOf(e)}`);
  }
  if (existing?.isDirectory()) throw new FileError(`cannot write --output ${shown}: ${REASONS.EISDIR} (EISDIR)`);
  if (existing && !existing.isFile()) {
    writeAll(real, data, "w", shown);
    return;
  }
  const temp = join(dirname(real), `.${basename(real)}.${process.pid}.${Date.now().toString(36)}.tmp`);
  try {
    writeAll(temp, data, "wx", shown, existing ? existing.mode & 0o777 : undefined);
    renameSync(temp, real);
  } catch (e) {
    try {
      unlinkSync(temp);
    } catch {
      // Not created, or already renamed: nothing to clean up.
    }
    throw e instanceof FileError ? e : new FileError(`cannot write --output ${shown}: ${reasonOf(e)}`);
  }
}

function writeAll(path: string, data: string, flags: string, shown: string, mode?: number): void {
  let fd: number;
  try {
    fd = openSync(path, flags, mode);
  } catch (e) {
    throw new FileError(`cannot write --output ${shown}: ${reasonOf(e)}`);
  }
  try {
    const bytes = Buffer.from(data, "utf8");
    for (let at = 0; at < bytes.length; ) at += writeSync(fd, bytes, at);
    if (flags === "wx") fsyncSync(fd);
  } catch (e) {
    throw new FileError(`cannot write --output ${shown}: ${reasonOf(e)}`);
  } finally {
    closeSync(fd);
  }
}

import type { ChangedFile, FileStatus } from "../diff/model.js";
import { parseUnifiedDiff } from "../diff/parse.js";
import type { NotAnalyzedFile } from "../types.js";

/** One item of GitHub's "list pull request files" response (only the fields the engine needs). */
export interface ApiPullFile {
  filename: string;
  previous_filename?: string;
  status: "added" | "removed" | "modified" | "renamed" | "copied" | "changed" | "unchanged" | string;
  /** Absent when GitHub omits the patch: binary files, very large diffs, or no textual change. */
  patch?: string;
  additions: number;
  deletions: number;
  changes?: number;
}

/** Extensions whose content GitHub never diffs as text; a missing patch there is expected. */
const BINARY_EXTENSION =
  /\.(?:png|jpe?g|gif|bmp|ico|webp|avif|tiff?|psd|pdf|zip|gz|tgz|bz2|xz|7z|rar|jar|war|ear|class|so|dylib|dll|exe|bin|o|a|lib|wasm|woff2?|ttf|otf|eot|mp3|mp4|mov|avi|webm|ogg|wav|flac|sqlite3?|db|pyc|pickle|pkl|npy|parquet|onnx|pt|h5)$/i;

function statusOf(api: ApiPullFile): FileStatus | null {
  switch (api.status) {
    case "added":
      return "added";
    case "removed":
      return "deleted";
    // A copy keeps its source as oldPath, the same way the local diff parser reads `copy from/to`.
    case "renamed":
    case "copied":
      return api.previous_filename && api.previous_filename !== api.filename ? "renamed" : "modified";
    case "unchanged":
      return null;
    default:
      return "modified";
  }
}

/** Headers that make a bare GitHub hunk text a one-file unified diff the shared parser accepts. */
function syntheticHeader(status: FileStatus): string {
  // Fixed placeholder paths: the real (possibly unusual) names come from the API fields, not from parsing.
  if (status === "added") return "diff --git a/f b/f\nnew file mode 100644\n--- /dev/null\n+++ b/f\n";
  if (status === "deleted") return "diff --git a/f b/f\ndeleted file mode 100644\n--- a/f\n+++ /dev/null\n";
  return "diff --git a/f b/f\n--- a/f\n+++ b/f\n";
}

function missingPatchReason(api: ApiPullFile, status: FileStatus): { reason: string; binary: boolean } | null {
  const changed = api.additions + api.deletions;
  if (BINARY_EXTENSION.test(api.filename)) return { reason: "binary file (GitHub sends no patch)", binary: true };
  if (changed > 0)
    return {
      reason: `GitHub omitted the patch (diff too large: +${api.additions} −${api.deletions} lines)`,
      binary: false,
    };
  // No line changed: a pure rename, a mode change or an empty file has nothing to analyze.
  if (status === "renamed" || api.status === "changed") return null;
  if (status === "modified") return { reason: "GitHub sent no patch (binary file or mode-only change)", binary: false };
  return null;
}

export interface ConvertedFiles {
  files: ChangedFile[];
  /** Files without a patch, with the reason; they still count by path (e.g. a deleted .tf file). */
  notAnalyzed: NotAnalyzedFile[];
  warnings: string[];
}

/**
 * Convert GitHub's pull request files into the engine's diff model. Paths and status come from the API
 * fields (authoritative), lines from parsing each `patch` with the shared unified-diff parser.
 * Linear in the total patch size.
 */
export function changedFilesFromPullFiles(apiFiles: readonly ApiPullFile[]): ConvertedFiles {
  const files: ChangedFile[] = [];
  const notAnalyzed: NotAnalyzedFile[] = [];
  const warnings: string[] = [];
  for (const api of apiFiles) {
    const status = statusOf(api);
    if (status === null) continue;
    const file: ChangedFile = { path: api.filename, status, binary: false, added: [], removed: [], hunks: [] };
    if (status === "renamed") file.oldPath = api.previous_filename;

    if (api.patch === undefined || api.patch === null || api.patch === "") {
      const missing = missingPatchReason(api, status);
      if (missing) {
        file.binary = missing.binary;
        file.patchMissing = missing.reason;
        notAnalyzed.push({ file: api.filename, reason: missing.reason });
      }
      files.push(file);
      continue;
    }

    try {
      const parsed = parseUnifiedDiff(`${syntheticHeader(status)}${api.patch}\n`);
      const one = parsed.files[0];
      if (one) {
        file.added = one.added;
        file.removed = one.removed;
        file.hunks = one.hunks;
      }
      for (const w of parsed.warnings) warnings.push(w.replace(/^f:/, `${api.filename}:`));
    } catch (e) {
      const reason = `patch could not be parsed: ${e instanceof Error ? e.message : String(e)}`;
      file.patchMissing = reason;
      notAnalyzed.push({ file: api.filename, reason });
    }
    files.push(file);
  }
  return { files, notAnalyzed, warnings };
}

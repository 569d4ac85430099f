import type { SideLine } from "../diff/side.js";

/** `new s3.Bucket(this, 'Reports'` / `s3.Bucket(self, "Reports"` / `new aws.s3.Bucket("reports"`. */
const CONSTRUCT =
  /(?:new\s+([\w.]+)\s*\(\s*(?:this|scope|self|stack)\s*,\s*["'`]([^"'`]+)["'`]|\b([\w.]*[A-Z]\w*)\s*\(\s*(?:self|scope|stack)\s*,\s*["']([^"']+)["']|new\s+([\w.]+)\s*\(\s*["'`]([^"'`]+)["'`]|\b([\w.]+)\.New\w*\(\s*\w+\s*,\s*(?:jsii\.String\()?["']([^"']+)["'])/;

/** The construct or resource declared nearest above line `index` in the hunk, e.g. "s3.Bucket 'Reports'". */
export function enclosingConstruct(lines: readonly SideLine[], index: number): string | null {
  for (let i = index; i >= 0 && index - i < 40; i--) {
    const m = CONSTRUCT.exec(lines[i]!.text);
    if (m) {
      const type = m[1] ?? m[3] ?? m[5] ?? m[7];
      const id = m[2] ?? m[4] ?? m[6] ?? m[8];
      return `${type} '${id}'`;
    }
  }
  return null;
}

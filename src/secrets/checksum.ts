/**
 * Checksums of token formats that carry one. GitHub (`ghp_` & co.) and npm (`npm_`) tokens are
 * prefix + 30 random base62 characters + 6 characters of base62(CRC32(random part)), zero padded.
 */

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** CRC-32 (IEEE, as zlib) of the string's UTF-8 bytes; tokens are ASCII so char codes are the bytes. */
export function crc32(text: string): number {
  let crc = 0xffffffff;
  for (let i = 0; i < text.length; i++) crc = CRC_TABLE[(crc ^ text.charCodeAt(i)) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

const BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

/** Base62 (0-9, A-Z, a-z) of a non-negative integer, left-padded with "0" to `width`. */
export function base62(value: number, width = 0): string {
  let n = Math.floor(value);
  let out = "";
  do {
    out = BASE62[n % 62]! + out;
    n = Math.floor(n / 62);
  } while (n > 0);
  return out.padStart(width, "0");
}

/**
 * True when `token` (prefix_ + 36 characters) ends with the CRC32 checksum of its 30-character body.
 * Used for GitHub classic-format and npm tokens.
 */
export function hasValidCrc32Suffix(token: string): boolean {
  const underscore = token.indexOf("_");
  const rest = token.slice(underscore + 1);
  if (rest.length !== 36) return false;
  return base62(crc32(rest.slice(0, 30)), 6) === rest.slice(30);
}

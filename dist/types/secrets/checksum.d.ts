/**
 * Checksums of token formats that carry one. GitHub (`ghp_` & co.) and npm (`npm_`) tokens are
 * prefix + 30 random base62 characters + 6 characters of base62(CRC32(random part)), zero padded.
 */
/** CRC-32 (IEEE, as zlib) of the string's UTF-8 bytes; tokens are ASCII so char codes are the bytes. */
export declare function crc32(text: string): number;
/** Base62 (0-9, A-Z, a-z) of a non-negative integer, left-padded with "0" to `width`. */
export declare function base62(value: number, width?: number): string;
/**
 * True when `token` (prefix_ + 36 characters) ends with the CRC32 checksum of its 30-character body.
 * Used for GitHub classic-format and npm tokens.
 */
export declare function hasValidCrc32Suffix(token: string): boolean;

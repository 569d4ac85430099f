/** Secret detection: provider catalogue, generic detector, false-positive filters and redaction. */
export { type SecretAllowlist, secretAllowlist } from "./allowlist.js";
export { base62, crc32, hasValidCrc32Suffix } from "./checksum.js";
export { commandLineSecrets } from "./command-line.js";
export {
  type Detection,
  type DetectorGroup,
  detectLine,
  type FileTraits,
  fileTraits,
  isCandidateLine,
} from "./detect.js";
export { charClassCount, shannonEntropy } from "./entropy.js";
export { scannedForSecrets, secretHits } from "./findings.js";
export { classifyKey, judgeGenericValue } from "./generic.js";
export { attachGuard, guardOf, SecretGuard } from "./guard.js";
export { type MaskOptions, maskDetection, maskSecret, sha256Hex } from "./mask.js";
export { isPlaceholderValue, isReference } from "./placeholder.js";
export { PROVIDER_FORMATS, type ProviderFormat } from "./providers.js";
export { lineSpans, redactSecrets, type SecretSpan, secretSpans } from "./redact.js";
export { runSecretGuard } from "./run-secrets.js";
export { type SecretHit, scanFile } from "./scan.js";

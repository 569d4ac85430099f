import { charClassCount, longestRun, shannonEntropy } from "./entropy.js";

/**
 * False-positive control shared by every detector: references to a value stored elsewhere,
 * documentation placeholders, documented example values and well-known public formats.
 */

/** A value that points at a secret kept elsewhere (env var, template, vault, CI secret store). */
export function isReference(value: string): boolean {
  const v = value.trim();
  if (v.length === 0) return true;
  if (v.includes("${") || v.includes("{{") || v.includes("$(") || v.includes("#{") || v.includes("%{")) return true;
  if (/^\$[A-Za-z_]/.test(v)) return true; // $VAR
  if (/^%[A-Za-z_]\w*%$/.test(v)) return true; // %VAR% (Windows)
  if (/^<[^<>]{1,80}>$/.test(v) || /^\[[^\]]{1,60}\]$/.test(v)) return true; // <your-token>, [Filtered]
  if (
    /\b(?:process\.env|import\.meta\.env|os\.environ|os\.getenv|getenv|System\.getenv|ENV\[|ENV\.fetch|Environment\.GetEnvironmentVariable|secrets\.|vars\.|env\.)/.test(
      v,
    )
  )
    return true;
  if (/^(?:vault|ref\+vault|ref\+awssm|awssm|sm|gcpsm|azkv|op|keyvault|secret|env|file|arn):/i.test(v)) return true;
  if (/^@Microsoft\.KeyVault\(/i.test(v)) return true;
  if (/^!(?:Ref|Sub|GetAtt|ImportValue|Secret)\b/.test(v)) return true; // CloudFormation intrinsics
  return false;
}

/** Words that mark a value as a placeholder, a documented example or a throwaway default. */
const PLACEHOLDER_WORDS =
  /example|sample|dummy|placeholder|changeme|change_me|change-me|replace|your[_-]?|insert|redacted|todo|fixme|xxxx|\*\*\*|\.\.\.|…|secret|password|passw0rd|p@ssw0rd|letmein|qwerty|12345|abcdef|test|fake|mock|foobar|lorem|default|notreal|not[_-]?a[_-]?real|invalid|hunter2/i;

/**
 * Share of characters inside ascending runs of 3+ ("abc", "123", "xyz"): high for typed examples
 * such as "abc123xyz456", near zero for random strings.
 */
export function sequentialShare(value: string): number {
  let inRuns = 0;
  let run = 1;
  for (let i = 1; i <= value.length; i++) {
    if (i < value.length && value.charCodeAt(i) === value.charCodeAt(i - 1) + 1) run++;
    else {
      if (run >= 3) inRuns += run;
      run = 1;
    }
  }
  return value.length === 0 ? 0 : inRuns / value.length;
}

/** True for values that are obviously not a real credential. */
export function isPlaceholderValue(value: string): boolean {
  const v = value.trim();
  if (v.length === 0) return true;
  if (PLACEHOLDER_WORDS.test(v)) return true;
  if (longestRun(v) >= 6) return true; // xxxxxx, 000000
  if (sequentialShare(v) >= 0.4) return true; // abc123, 123456789
  if (/^[A-Z][A-Z0-9_]*$/.test(v) && v.length <= 40 && /_|^[A-Z]+$/.test(v)) return true; // CONSTANT_NAME
  return false;
}

/** Provider tokens: the random part after the prefix must not be a placeholder run or an example word. */
export function isPlaceholderToken(token: string, randomPart: string): boolean {
  if (/EXAMPLE|example|your|YOUR|xxxx|XXXX|\.\.\.|<|>|\*\*/.test(token)) return true;
  if (longestRun(randomPart) >= 6) return true;
  return randomPart.length >= 12 && shannonEntropy(randomPart) < 2.5;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Public-by-design or non-secret formats that often sit under secret-sounding keys. */
export function isKnownNonSecretFormat(value: string): boolean {
  const v = value.trim();
  if (UUID.test(v)) return true;
  if (/^0x[0-9a-fA-F]{40}$/.test(v)) return true; // Ethereum address (a 64-hex private key stays reported)
  if (/^pk_(?:live|test)_/.test(v)) return true; // Stripe publishable key
  if (/^(?:ssh-(?:rsa|dss|ed25519)|ecdsa-sha2-nistp\d+|sk-ssh-ed25519@openssh\.com) AAAA/.test(v)) return true;
  if (/^-----BEGIN (?:PUBLIC KEY|CERTIFICATE|RSA PUBLIC KEY|PGP PUBLIC KEY BLOCK)/.test(v)) return true;
  if (/^(?:sha(?:1|224|256|384|512)|md5)[-:]/i.test(v)) return true; // integrity / digest strings
  if (/^data:[a-z]+\/[\w.+-]+;base64,/i.test(v)) return true; // inline images and fonts
  if (/^(?:true|false|yes|no|on|off|null|nil|none|undefined|required|optional|enabled|disabled)$/i.test(v)) return true;
  if (/^[+-]?\d+(?:\.\d+)?(?:[smhd]|ms|kb|mb|gb)?$/i.test(v)) return true; // numbers and durations
  if (/^(?:https?|file):\/\/[^@\s]*$/i.test(v)) return true; // plain URL without credentials
  if (/^\.{0,2}\/[\w./-]*$/.test(v) || /^~\//.test(v) || /^[A-Za-z]:\\/.test(v)) return true; // file paths
  if (/^[\w-]+\.(?:pem|key|crt|cer|p12|pfx|jks|json|ya?ml|txt|env|gpg|asc|tfstate)$/i.test(v)) return true; // file names
  // Relative paths to a file ("env/prod/network.tfstate": Terraform backend `key`, object keys).
  // A base64 key holds "/" too: a path's segments are words, never a long run mixing cases and digits.
  if (
    /^[\w.-]+(?:\/[\w.-]+)+\.[A-Za-z][A-Za-z0-9]{0,9}$/.test(v) &&
    !/\/\//.test(v) &&
    !v.split(/[/.]/).some(mixesCasesAndDigits)
  )
    return true;
  // Struct tags and option lists ("bytes,1,opt,name=key"): secrets hold no comma-separated words.
  if (/^[\w.-]+(?:=[\w.-]*)?(?:,[\w.-]+(?:=[\w.-]*)?)+$/.test(v)) return true;
  // Dotted attribute paths ("llm.input_messages.10001.content"): words and indexes, three or more.
  if (/^[A-Za-z_][A-Za-z_]*(?:\.(?:[A-Za-z_][A-Za-z_]*|\d+)){2,}$/.test(v)) return true;
  // Python object references ("pkg.module:Attr"): entry points and plugin registrations.
  if (/^[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)+:[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*$/.test(v)) return true;
  return false;
}

function mixesCasesAndDigits(segment: string): boolean {
  return segment.length >= 12 && /[a-z]/.test(segment) && /[A-Z]/.test(segment) && /\d/.test(segment);
}

/** A generic value looks random enough to be a credential (not a word, a name or a sentence). */
export function looksRandom(value: string, strict: boolean): boolean {
  const n = value.length;
  if (n < 8 || n > 1000) return false;
  if (/\s/.test(value)) return false; // sentences, UI strings, commands
  if (/[^\x21-\x7e]/.test(value)) return false; // credentials are printable ASCII; translations are not
  const classes = charClassCount(value);
  const entropy = shannonEntropy(value);
  const isHex = /^[0-9a-f]+$/i.test(value);
  if (strict) {
    if (n < 16) return false;
    if (isHex) return n >= 32 && entropy >= 3.3;
    return classes >= 2 && entropy >= 3.5;
  }
  if (isHex) return n >= 16 && entropy >= 3.0;
  if (classes < 2) return n >= 20 && entropy >= 3.5; // a single-class value must be long and varied
  if (n < 12) return classes >= 3 && entropy >= 2.8;
  return entropy >= 3.0;
}

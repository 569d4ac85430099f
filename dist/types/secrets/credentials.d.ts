import type { Detection } from "./detect.js";
export declare function detectCredentialUrl(line: string, out: Detection[]): void;
export declare function detectSchemelessDsn(line: string, out: Detection[]): void;
export declare function detectCommandLineCredentials(line: string, out: Detection[]): void;
export declare function detectBasicAuth(line: string, out: Detection[]): void;

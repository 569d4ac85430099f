import type { Detection } from "./detect.js";
/**
 * Credentials passed positionally to well-known SDK constructors and login calls, where no key name
 * says "token": `Stripe("…")`, `Client(sid, "…")`, `TeleBot("…")`, `client.login("…")`. A catalogue of
 * rows, each with the argument positions that hold a credential and sample lines checked by a test.
 * Prefixed tokens are left to the provider formats; a row only adds literals that look random.
 */
export interface SdkClientRow {
    /** Callee names (the last identifier before `(`, or before `.new(` in Ruby). */
    callees: readonly string[];
    /** Zero-based positions of the arguments that are credentials. */
    args: readonly number[];
    /** Who issued the credential, for the message. */
    sdk: string;
    samples: {
        match: readonly string[];
        noMatch: readonly string[];
    };
}
export declare const SDK_CLIENTS: readonly SdkClientRow[];
export declare function detectSdkClientCredentials(line: string, out: Detection[]): void;
/** Cheap gate for lines with no secret keyword: does the line call one of the catalogued SDKs? */
export declare function callsSdkClient(line: string): boolean;

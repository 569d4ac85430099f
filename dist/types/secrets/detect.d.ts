import type { Severity } from "../types.js";
import { type CommandLineValue } from "./command-line.js";
/**
 * The line scanner behind every `secrets/*` rule. One cheap trigger test per line; only lines that
 * pass it pay for the detectors. Detections carry the raw value for allowlisting and masking only:
 * it must never be copied into a message.
 */
export type DetectorGroup = "provider-token" | "private-key" | "jwt" | "credential-url" | "generic-secret";
export interface Detection {
    group: DetectorGroup;
    kind: string;
    label: string;
    /** Raw secret. Never print it: use maskDetection(). */
    value: string;
    /** Public prefix naming the format (`ghp_`, `AKIA`): the only part of `value` a masked form shows. */
    prefix?: string;
    start: number;
    end: number;
    severity: Severity;
    /** Extra words for the message (key name, checksum note, pairing), never containing the value. */
    detail?: string;
    /** Where to revoke it. */
    service?: string;
    checksumValid?: boolean;
}
/** What the scanner needs to know about the file a line comes from. */
export interface FileTraits {
    /** Program source: a bare private-key header there is a parser or a check, not a key. */
    source: boolean;
    /** Documentation: examples need key material or a quoted value to count. */
    prose: boolean;
    /** Formats where a string value is always quoted (code, JSON, HCL, TOML, docs): bare words are identifiers. */
    quotedOnly: boolean;
    lockfile: boolean;
    dockerfile: boolean;
    /** A translation catalogue: its values are UI text ("Passwort", "Mot de passe"), not credentials. */
    translations: boolean;
}
export declare function fileTraits(path: string): FileTraits;
/** Longest slice of a line the scanner looks at in one go (minified files are cut in windows). */
export declare const MAX_WINDOW = 4000;
export declare function isCandidateLine(line: string): boolean;
/** An AWS secret access key found at `start`: found by its key name here, or next to its key id by the file scan. */
export declare function awsSecretKeyDetection(value: string, start: number): Detection;
export interface KeyValue {
    key: string;
    value: string;
    valueStart: number;
    quoted: boolean;
}
export declare function keyValuesOf(line: string, traits: FileTraits): KeyValue[];
export declare function detectLine(line: string, traits: FileTraits, nextLine?: string): readonly Detection[];
/** What the masking reads on a line besides detections: given to detectCandidateLine, they are read once. */
export interface LineReadings {
    /** keyValuesOf(line, traits), with the traits given to detectCandidateLine. */
    keyValues: readonly KeyValue[];
    /** commandLineSecrets(line). */
    commandLine: readonly CommandLineValue[];
}
/**
 * detectLine for a line the caller already knows passes isCandidateLine and is at most MAX_WINDOW long
 * (the masking reads every candidate line for more than detections: one trigger test serves both).
 */
export declare function detectCandidateLine(line: string, traits: FileTraits, nextLine?: string, read?: LineReadings): readonly Detection[];

import type { Severity } from "../types.js";
export declare function isInstructionFile(path: string): boolean;
export type InstructionKind = "safety" | "loosening";
export interface InstructionClass {
    kind: InstructionKind;
    severity: Severity;
    /** What the sentence does, for the message. */
    gist: string;
}
export interface ClassifiedSentence extends InstructionClass {
    sentence: string;
    words: Set<string>;
}
/** The instructions a line gives, sentence by sentence. */
export declare function classifyInstructions(line: string): ClassifiedSentence[];
/** Two sentences say about the same thing (a reworded rule): most of their words are shared. */
export declare function similar(a: Set<string>, b: Set<string>, threshold: number): boolean;

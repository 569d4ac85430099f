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
/**
 * Answers "is any of these sets `similar` to this one?" without comparing it with every set: a rewrite of a
 * long instruction file asks that for thousands of sentences. A set of size c matches a query of size q
 * only if they share at least `need` words, the least count with need / min(q, c) >= threshold; so after
 * dropping the query's need − 1 words that most sets of size c contain, a match still shares one of the
 * rest, and only the sets listed under those words are compared (prefix filtering). Same answer as
 * `sets.some((s) => similar(s, query, threshold))`.
 */
export declare class SimilarSets {
    private readonly threshold;
    /** By set size: the sets, and for each word the indexes of the sets that contain it. */
    private readonly bySize;
    constructor(sets: Iterable<Set<string>>, threshold: number);
    hasSimilar(query: Set<string>): boolean;
}

import type { ReaderLine } from "./reader.js";
export declare function pythonRowWrites(at: ReaderLine): void;

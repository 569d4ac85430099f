import type { FrameworkReader } from "./reader.js";
export declare const liquibase: FrameworkReader;

import type { FrameworkReader } from "./reader.js";
export declare const ecto: FrameworkReader;

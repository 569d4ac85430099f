import { isInstructionFile } from "./instructions.js";
import { agentFormatOf, isFrontMatterToolFile } from "./settings-changes.js";

/** A file an agent reads as its settings, MCP servers or standing instructions. */
export function isAgentConfigPath(path: string): boolean {
  return agentFormatOf(path) !== null || isInstructionFile(path) || isFrontMatterToolFile(path);
}

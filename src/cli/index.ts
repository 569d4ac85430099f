#!/usr/bin/env node
import { readFileSync } from "node:fs";
import { registerCommand, runCli } from "./main.js";
import { protectCommand } from "./protect.js";

registerCommand("protect", protectCommand);

const code = await runCli(process.argv.slice(2), {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  readStdin: () => readFileSync(0),
  cwd: process.cwd(),
  isTTY: Boolean(process.stdout.isTTY),
  env: process.env,
});
process.exitCode = code;

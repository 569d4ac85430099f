#!/usr/bin/env node
// The CLI runs from the committed bundle, so it works right after `npm ci` with no build step.
await import("../dist/cli.js");

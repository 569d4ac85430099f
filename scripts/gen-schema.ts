// `npm run schema`: regenerate schema/config.schema.json from the zod schema (a test fails when it is stale).
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { configJsonSchemaText } from "../src/config/json-schema.js";

const out = join(import.meta.dirname, "../schema/config.schema.json");
mkdirSync(join(import.meta.dirname, "../schema"), { recursive: true });
writeFileSync(out, configJsonSchemaText());
console.log(`wrote ${out}`);

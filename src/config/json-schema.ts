import { z } from "zod";
import { configSchema } from "./schema.js";

/** JSON Schema of the config file, for editor completion (yaml-language-server, SchemaStore). */
export function configJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(configSchema, { io: "input", target: "draft-7" }) as Record<string, unknown>;
  return {
    ...schema,
    $id: "https://raw.githubusercontent.com/ai-review-gate/ai-review-gate/main/schema/config.schema.json",
    title: "ai-review-gate configuration",
  };
}

export function configJsonSchemaText(): string {
  return `${JSON.stringify(configJsonSchema(), null, 2)}\n`;
}

export { formatJson } from "./json.js";
export { COMMENT_LIMIT, formatMarkdown, type MarkdownOptions } from "./markdown.js";
export { formatSarif, type SarifOptions } from "./sarif.js";
export { formatText, type TextOptions } from "./text.js";
export { CATEGORY_TITLES } from "./titles.js";

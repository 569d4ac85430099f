import { checkRerequestedHandler } from "./check-rerequested.js";
import { checklistEditedHandler } from "./checklist-edited.js";
import { commentDeletedHandler } from "./comment-deleted.js";
import { mergeGroupHandler } from "./merge-group.js";
import { pullRequestHandler } from "./pull-request.js";
import { pullRequestClosedHandler } from "./pull-request-closed.js";
import type { Handler } from "./table.js";

/** Every webhook the App handles, one row per file. */
export const HANDLERS: readonly Handler[] = [
  pullRequestHandler,
  pullRequestClosedHandler,
  checklistEditedHandler,
  commentDeletedHandler,
  checkRerequestedHandler,
  mergeGroupHandler,
];

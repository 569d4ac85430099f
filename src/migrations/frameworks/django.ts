import type { SideLine } from "../../diff/side.js";
import type { RollbackIssue } from "../ops.js";
import { gatherCall, literalName, literalNames, namedArg, positionalArgs, splitArgs } from "../text.js";
import { pythonRowWrites } from "./python-orm.js";
import type { Emit, FrameworkReader } from "./reader.js";

/** Django migrations: the operations of a Migration class. */

const DJANGO_OP =
  /(?:^|[\s([,])(?:migrations\.|operations\.)?(RemoveField|DeleteModel|RenameField|RenameModel|AlterField|AddField|AddIndex|AddIndexConcurrently|RemoveIndex|RemoveIndexConcurrently|AddConstraint|AddConstraintNotValid|RemoveConstraint|CreateModel|RunPython|RunSQL|AlterModelTable|AlterUniqueTogether)\s*\(/;

function djangoLine(s: string, lines: readonly SideLine[], i: number, emit: Emit, rollback: RollbackIssue[]): void {
  const m = DJANGO_OP.exec(s);
  if (!m) return;
  const op = m[1]!;
  const { text } = gatherCall(lines, i, Math.max(0, s.search(new RegExp(`${op}\\s*\\(`))));
  const args = splitArgs(text);
  const pos = positionalArgs(args);
  const model = literalName(namedArg(args, "model_name")) ?? literalName(pos[0]);
  const name = literalName(namedArg(args, "name")) ?? literalName(pos[1]);
  const line = lines[i]!.line;
  switch (op) {
    case "RemoveField":
      emit({ kind: "drop-column", table: model, columns: name ? [name] : [], via: "RemoveField" });
      return;
    case "DeleteModel":
      emit({
        kind: "drop-table",
        table: literalName(namedArg(args, "name")) ?? literalName(pos[0]),
        via: "DeleteModel",
      });
      return;
    case "RenameField":
      emit({
        kind: "rename-column",
        table: model,
        columns: literalNames(namedArg(args, "old_name") ?? pos[1]),
        newName: literalName(namedArg(args, "new_name") ?? pos[2]),
        via: "RenameField",
      });
      return;
    case "RenameModel":
      emit({
        kind: "rename-table",
        table: literalName(namedArg(args, "old_name") ?? pos[0]),
        newName: literalName(namedArg(args, "new_name") ?? pos[1]),
        via: "RenameModel",
      });
      return;
    case "AlterModelTable":
      emit({
        kind: "rename-table",
        table: literalName(namedArg(args, "name") ?? pos[0]),
        newName: literalName(namedArg(args, "table") ?? pos[1]),
        via: "AlterModelTable",
      });
      return;
    case "AlterField": {
      const field = namedArg(args, "field") ?? pos[2] ?? "";
      emit({
        kind: "alter-field",
        table: model,
        columns: name ? [name] : [],
        detail: /models\.(\w+)/.exec(field)?.[1],
        via: "AlterField",
      });
      return;
    }
    case "AddField": {
      const field = namedArg(args, "field") ?? pos[2] ?? "";
      const nullable = /\bnull\s*=\s*True/.test(field) || /ManyToManyField|GeneratedField/.test(field);
      const hasDefault = /\b(?:db_)?default\s*=/.test(field) || /AutoField/.test(field);
      emit({
        kind: nullable || hasDefault ? "add-column" : "add-not-null-no-default",
        table: model,
        columns: name ? [name] : [],
        detail: !nullable && hasDefault ? "NOT NULL with a default" : undefined,
        via: "AddField",
      });
      return;
    }
    case "AddIndex":
    case "AddIndexConcurrently":
      emit({ kind: "create-index", table: model, concurrent: op === "AddIndexConcurrently", postgres: true, via: op });
      return;
    case "RemoveIndex":
    case "RemoveIndexConcurrently":
      emit({ kind: "drop-index", table: model, via: op });
      return;
    case "AddConstraint":
      emit({ kind: "add-constraint", table: model, detail: /(\w+Constraint)\(/.exec(text)?.[1], via: op });
      return;
    case "AddConstraintNotValid":
      emit({ kind: "other", table: model, via: op });
      return;
    case "RemoveConstraint":
      emit({ kind: "drop-constraint", table: model, via: op });
      return;
    case "AlterUniqueTogether":
      emit({
        kind: "add-constraint",
        table: literalName(namedArg(args, "name") ?? pos[0]),
        detail: "unique together",
        via: op,
      });
      return;
    case "CreateModel":
      emit({ kind: "create-table", table: literalName(namedArg(args, "name") ?? pos[0]), via: op });
      return;
    case "RunPython": {
      const fwd = pos[0]?.trim() ?? namedArg(args, "code");
      emit({ kind: "backfill", table: fwd, via: "RunPython" });
      if (pos.length < 2 && namedArg(args, "reverse_code") === undefined)
        rollback.push({ kind: "run-python-without-reverse", line, forward: fwd ?? "" });
      return;
    }
    case "RunSQL":
      if (pos.length < 2 && namedArg(args, "reverse_sql") === undefined)
        rollback.push({ kind: "run-sql-without-reverse", line });
      return;
    default:
      return;
  }
}

export const django: FrameworkReader = {
  reads: (language, framework) => language === "python" && framework === "django",
  line: (at) => {
    djangoLine(at.text, at.lines, at.index, at.emit, at.rollback);
    pythonRowWrites(at);
  },
};

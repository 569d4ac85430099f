import { isCommentLine } from "../../diff/line-syntax.js";
import type { ChangedFile } from "../../diff/model.js";
import { addedText, cutLine, removedText, sideOf } from "../../diff/side.js";
import { quote } from "../../text/quote.js";
import type { Severity } from "../../types.js";
import type { Rule, RuleFinding } from "../types.js";

/**
 * Names of authentication, authorization and CSRF guards, compared lower-cased without `_`:
 * `login_required`, `requireAuth`, `authenticate_user!`, `@PreAuthorize`, `UseGuards`, `can?`...
 */
const GUARD_NAME = new RegExp(
  "^(?:" +
    // Verbs that guard whatever follows: authorizeUser, requireAdmin, ensureLoggedIn, checkPermission...
    "(?:authorize|authenticate|requires?(?:auth|login|admin|user|permission|role|scope|signin|session|staff|owner|member)|ensure(?:auth|loggedin|admin|permission|authorized|authenticated|user|owner)|check(?:auth|permission|access|role|admin|csrf|owner|scope)|verify(?:auth|token|jwt|csrf|permission|access|authorized|policyscoped|session)|assert(?:auth|permission|access|admin|owner)|hasperm|hasrole|hasaccess|hasauthority|hasanyrole)\\w*[!?]?" +
    // Exact guard names.
    "|can\\?|cannot\\?|csrfprotect(?:ion)?|isauthenticated|isauthorized|loginrequired|permissionrequired|permissionsrequired|userpassestest|adminrequired|adminonly|staffmemberrequired|superuserrequired|jwtrequired|authrequired|rolesrequired|rolerequired|rolesaccepted|preauthorize|postauthorize|secured|rolesallowed|useguards|authguard|authmiddleware|protectfromforgery|validateantiforgerytoken|loadandauthorizeresource|authorizeresource|auth|withauth|withpageauthrequired|permissionclasses" +
    ")$",
);

const PYTHON_LIKE_DECORATOR = /^\s*@([\w.]{1,100})/;
const CS_ATTRIBUTE = /^\s*\[\s*(Authorize|ValidateAntiForgeryToken|RequiresPermission\w*)\b/;
const RAILS_CALLBACK = /^\s*(?:prepend_)?(?:before|after|around)_(?:action|filter)\s+:(\w+[!?]?)/;
const RAILS_STATEMENT =
  /^\s*(protect_from_forgery|load_and_authorize_resource|authorize_resource|verify_authorized|authorize!?)\b/;
const CALL = /([A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*[!?]?)\s*\(/g;
const ROUTE_LINE =
  /\.(?:get|post|put|patch|delete|del|all|use|route|options|head)\s*\(|\bRoute::|\bpath\s*\(|\burl\s*\(|\bgroup\s*\(|middleware/;
const BARE_IDENT = /(?<![\w$.'"])([A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)?)(?![\w$'"(])/g;
const IMPORT_LINE =
  /^\s*(?:import\b|from\s+\S+\s+import\b|(?:const|let|var)\s+[^=]{1,200}=\s*require\(|require(?:_relative)?\s|use\s+[\w\\]+;|using\s)/;

function isGuard(name: string): boolean {
  const last = name.split(".").pop() ?? name;
  return GUARD_NAME.test(last.toLowerCase().replace(/_/g, ""));
}

/** Guard names a removed line carries, by the forms guards take (decorator, callback, call, middleware argument). */
export function guardsOnLine(content: string): string[] {
  const text = cutLine(content);
  const found = new Set<string>();
  const dec = PYTHON_LIKE_DECORATOR.exec(text);
  if (dec && isGuard(dec[1]!)) found.add(dec[1]!);
  const attr = CS_ATTRIBUTE.exec(text);
  if (attr) found.add(attr[1]!);
  const cb = RAILS_CALLBACK.exec(text);
  if (cb && isGuard(cb[1]!)) found.add(cb[1]!);
  const st = RAILS_STATEMENT.exec(text);
  if (st) found.add(st[1]!);
  if (!dec && !cb) {
    CALL.lastIndex = 0;
    for (let m = CALL.exec(text), n = 0; m && n < 20; m = CALL.exec(text), n++) if (isGuard(m[1]!)) found.add(m[1]!);
    if (/\b(?:can|cannot)\?/.test(text)) found.add(/\bcannot\?/.test(text) ? "cannot?" : "can?");
    if (ROUTE_LINE.test(text)) {
      BARE_IDENT.lastIndex = 0;
      for (let m = BARE_IDENT.exec(text), n = 0; m && n < 30; m = BARE_IDENT.exec(text), n++)
        if (isGuard(m[1]!)) found.add(m[1]!);
      const mw = /middleware\(\s*\[?\s*["']([\w.-]{1,60})(?::[\w,.-]{0,60})?["']/.exec(text);
      if (mw && isGuard(mw[1]!)) found.add(mw[1]!);
    }
  }
  return [...found];
}

const DECLARATION =
  /\b(?:def|function|func|fn)\s+(\w+)|\b(?:public|private|protected)\s+[\w<>[\], ]{1,80}\s(\w+)\s*\(|^\s*(?:async\s+)?(\w+)\s*\([^)]{0,200}\)\s*\{|\.(get|post|put|patch|delete)\s*\(\s*["'`]([^"'`]{1,100})/;

/** The function or route the removed guard protected: the next declaration on the old side. */
function protectedTarget(file: ChangedFile, oldLine: number): string | null {
  const old = sideOf(file, "old");
  const i = old.indexOf(oldLine);
  if (i === undefined) return null;
  for (let j = i; j < Math.min(old.lines.length, i + 8); j++) {
    const m = DECLARATION.exec(old.lines[j]!.text);
    if (!m) continue;
    const name = m[1] ?? m[2] ?? m[3];
    if (name && /^(?:if|for|while|switch|catch|with|return)$/.test(name)) continue;
    return name ?? (m[5] ? `${m[4]!.toUpperCase()} ${m[5]}` : null);
  }
  return null;
}

// Guards switched off explicitly by added lines.
const BYPASS_ADDED: { re: RegExp; label: string; severity: Severity }[] = [
  {
    re: /skip_before_action\s+:(authenticate\w*!?|require_login\w*|authorize\w*|verify_authenticity_token|check_\w+)/,
    label: "skip_before_action",
    severity: "high",
  },
  {
    re: /\bskip_(?:authorization|policy_scope|forgery_protection)\b/,
    label: "authorization skipped",
    severity: "high",
  },
  {
    re: /@csrf_exempt\b|csrf\s*:\s*false\b|\bcsrf\(\)\.disable\(\)|\.csrf\(\s*(?:csrf\s*->\s*csrf\.disable\(\)|AbstractHttpConfigurer::disable)/,
    label: "CSRF protection disabled",
    severity: "medium",
  },
  {
    re: /\[AllowAnonymous\]|@PermitAll\b|\.permitAll\(\)|@Public\(\)|@AllowAnonymous\b/,
    label: "anonymous access allowed",
    severity: "medium",
  },
];

// Prefilters: a guard name contains one of these words; an explicit bypass one of the others.
const AUTH_HINT =
  /auth|login|permission|guard|csrf|forgery|role|admin|staff|superuser|access|can\?|cannot\?|secured|protect|jwt|token|owner|scope/i;
const BYPASS_HINT = /skip_|csrf|Anonymous|PermitAll|permitAll|Public/;

export const authCheckRemovedRule: Rule = {
  id: "safety-bypass/auth-check-removed",
  category: "safety-bypass",
  description:
    "Authentication, authorization or CSRF checks removed (decorators, guards, before_action callbacks, middleware, authorize calls) and not re-added in the same file, or explicitly skipped.",
  severity: "high",
  remediation:
    "Restore the check, or show in the PR where the endpoint is now protected (router-level guard, policy) with a test.",
  docs: {
    severity: "high (medium for CSRF exemptions / anonymous access)",
    detects:
      "Removed lines carrying an authentication, authorization or CSRF guard that is **not re-added in the same file**: decorators (`@login_required`, `@admin_required`, `@permission_required`, `@PreAuthorize`, `@Secured`, `@RolesAllowed`, `@UseGuards`), C# `[Authorize]`/`[ValidateAntiForgeryToken]`, Rails `before_action :authenticate_user!`, `protect_from_forgery`, `authorize`, `load_and_authorize_resource`, `can?`/`cannot?`, calls such as `authorize(…)`, `requirePermission(…)`, and middleware arguments in route definitions (`router.delete(path, requireAuth, handler)`, `->middleware('auth')`). The message names the guard and the function or route it protected. Also added explicit bypasses: `skip_before_action :authenticate_user!`, `skip_authorization`, `@csrf_exempt`, `[AllowAnonymous]`, `permitAll()`. Deleted files and tests are not reported.",
  },
  run(ctx) {
    const out: RuleFinding[] = [];
    for (const file of ctx.files) {
      // A deleted file takes its endpoints with it. The path classes (cached per file) come before the
      // hints, which scan the whole removed and added text.
      if (file.binary || file.status === "deleted") continue;
      if (ctx.paths.isDoc(file.path) || ctx.paths.isTest(file.path)) continue;
      const removedHint = AUTH_HINT.test(removedText(file));
      const addedHint = BYPASS_HINT.test(addedText(file));
      if (!removedHint && !addedHint) continue;
      if (removedHint) {
        const removed: { name: string; line: number }[] = [];
        for (const l of file.removed) {
          const t = l.content;
          if (!AUTH_HINT.test(t)) continue;
          if (isCommentLine(file.path, t) || IMPORT_LINE.test(t)) continue;
          for (const name of guardsOnLine(t)) removed.push({ name, line: l.line });
        }
        if (removed.length > 0) {
          const addedText = file.added.map((l) => cutLine(l.content)).join("\n");
          const seen = new Set<string>();
          for (const r of removed) {
            const base = r.name.split(".").pop()!;
            if (addedText.includes(base) || seen.has(`${r.name}:${r.line}`)) continue;
            seen.add(`${r.name}:${r.line}`);
            const target = protectedTarget(file, r.line);
            out.push({
              file: file.path,
              line: r.line,
              side: "old",
              message: `Access check ${r.name} removed${target ? ` from ${target}` : ""} in ${file.path} and not re-added`,
            });
          }
        }
      }
      if (!addedHint) continue;
      for (const l of file.added) {
        const t = cutLine(l.content);
        if (!/skip_|csrf|Anonymous|PermitAll|permitAll|Public/.test(t) || isCommentLine(file.path, t)) continue;
        for (const b of BYPASS_ADDED) {
          if (!b.re.test(t)) continue;
          out.push({
            file: file.path,
            line: l.line,
            severity: b.severity,
            message: `${b.label} in ${file.path}: ${quote(t, 90)}`,
          });
          break;
        }
      }
    }
    return out;
  },
};

import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { type BrowserContext, chromium, type Page } from "playwright-core";
import { COMMENT_WIDTH } from "./page.js";

/**
 * Debian's headless Chromium, driven by playwright-core, with the flags this machine needs (no
 * background networking, no component updates: the network is closed) and a fresh profile per launch.
 * Every request the page makes is aborted and recorded: a rendered comment must not fetch anything.
 */

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
/** Set by .ci/run: there a missing Chromium fails the render tests instead of skipping them. */
export const CHROMIUM_REQUIRED = process.env.RENDER_REQUIRE_CHROMIUM === "1";

export function chromiumInstalled(): boolean {
  return existsSync(CHROMIUM_PATH);
}

const FLAGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** A run of visible text, and whether it sits inside a code span or block (where quoted code may show `<tag>`). */
export interface TextRun {
  text: string;
  code: boolean;
}

export interface RenderedLink {
  href: string;
  text: string;
}

export interface Heights {
  /** The body as GitHub shows it on load: `<details open>` open, other `<details>` closed. */
  shown: number;
  /**
   * Above the first fold: from the top of the body to the top edge of the first collapsed section (a
   * `<details>` closed on load, not inside another closed one) as shown on load; `shown` when none.
   */
  aboveFold: number;
  /** Every `<details>` closed. */
  collapsed: number;
  /** Every `<details>` open. */
  expanded: number;
}

export interface Rendered {
  heights: Heights;
  /** Visible text with every `<details>` open, split into runs at element boundaries. */
  text: TextRun[];
  /** Every link with every `<details>` open, in document order. */
  links: RenderedLink[];
  /** Requests the page tried to make (always aborted). */
  requests: string[];
}

/** Runs inside the page: measures `#body` in each state, then restores the state on load. */
function measureInPage(): Omit<Rendered, "requests"> {
  const body = document.getElementById("body")!;
  const height = () => body.getBoundingClientRect().height;
  const sections = Array.from(body.querySelectorAll("details"));
  const onLoad = sections.map((d) => d.open);
  const shown = height();
  const fold = sections.find((d) => !d.open && !d.parentElement?.closest("details:not([open])"));
  const aboveFold = fold ? fold.getBoundingClientRect().top - body.getBoundingClientRect().top : shown;
  for (const d of sections) d.open = false;
  const collapsed = height();
  for (const d of sections) d.open = true;
  const expanded = height();
  const text: TextRun[] = [];
  const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const value = n.nodeValue ?? "";
    if (value.trim() === "") continue;
    text.push({ text: value, code: !!n.parentElement?.closest("code, pre") });
  }
  const links = Array.from(body.querySelectorAll("a[href]")).map((a) => ({
    href: a.getAttribute("href") ?? "",
    text: a.textContent ?? "",
  }));
  sections.forEach((d, i) => {
    d.open = onLoad[i]!;
  });
  return { heights: { shown, aboveFold, collapsed, expanded }, text, links };
}

export class Renderer {
  private constructor(
    private readonly context: BrowserContext,
    private readonly page: Page,
    private readonly profile: string,
    private readonly requests: string[],
  ) {}

  static async launch(): Promise<Renderer> {
    if (!chromiumInstalled())
      throw new Error(`Chromium not found at ${CHROMIUM_PATH}: apt-get install -y chromium (or set CHROMIUM_PATH)`);
    const profile = mkdtempSync(join(tmpdir(), "render-chromium-"));
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: FLAGS,
      offline: true,
      viewport: { width: COMMENT_WIDTH + 64, height: 900 },
      deviceScaleFactor: 1,
      colorScheme: "light",
      locale: "en-US",
    });
    const requests: string[] = [];
    await context.route("**/*", async (route) => {
      requests.push(route.request().url());
      await route.abort("blockedbyclient");
    });
    const page = context.pages()[0] ?? (await context.newPage());
    return new Renderer(context, page, profile, requests);
  }

  /** Render a page (see page.ts), measure it, and optionally save a PNG of its frame as shown on load. */
  async render(html: string, opts: { screenshot?: string } = {}): Promise<Rendered> {
    this.requests.length = 0;
    await this.page.setContent(html, { waitUntil: "load" });
    await this.page.evaluate(() => document.fonts.ready);
    // tsx compiles with esbuild's keepNames, which wraps functions in `__name(...)`: give the page that
    // helper so measureInPage runs there as written.
    await this.page.evaluate("globalThis.__name = (fn) => fn");
    const measured = await this.page.evaluate(measureInPage);
    if (opts.screenshot) {
      mkdirSync(dirname(opts.screenshot), { recursive: true });
      await this.page.locator("#frame").screenshot({ path: opts.screenshot, animations: "disabled" });
    }
    return { ...measured, requests: [...this.requests] };
  }

  async close(): Promise<void> {
    await this.context.close();
    rmSync(this.profile, { recursive: true, force: true });
  }
}

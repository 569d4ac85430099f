import { describe, expect, it } from "vitest";
import { byRule, runDependencyRules } from "../../support/dependency-rules.js";
import { addedFile, modifiedFile } from "../../support/diff.js";

describe("requirements files", () => {
  it("names new and changed requirements", async () => {
    const diff = modifiedFile("requirements/base.txt", [
      " Django==4.2.11",
      "-requests==2.31.0",
      "+requests==2.32.3",
      "+httpx>=0.27,<0.28",
      " celery[redis]==5.3.6",
    ]);
    const all = await runDependencyRules(diff);
    expect(byRule(all, "new-dependency").map((f) => f.message)).toEqual([
      "requirements/base.txt: adds dependency httpx>=0.27,<0.28",
    ]);
    expect(byRule(all, "version-change")[0]!.message).toContain("requests ==2.31.0 → ==2.32.3");
    // requirements files are their own pin list: no lockfile expected
    expect(byRule(all, "manifest-without-lockfile")).toHaveLength(0);
  });

  it.each([
    ["--extra-index-url https://pypi.internal.example.com/simple", "pypi.internal.example.com"],
    ["-i https://mirror.example.org/simple", "mirror.example.org"],
    ["git+https://github.com/someone/requests.git@v2.32.3#egg=requests", "git"],
    ["requests @ https://example.com/requests-2.32.3-py3-none-any.whl", "URL"],
    ["--trusted-host pypi.internal.example.com", "TLS"],
  ])("flags %s as high", async (line, word) => {
    const diff = modifiedFile("requirements.txt", [" flask==3.0.0", `+${line}`]);
    const f = byRule(await runDependencyRules(diff), "non-registry-source");
    expect(f).toHaveLength(1);
    expect(f[0]!.severity).toBe("high");
    expect(f[0]!.message).toContain(word);
    expect(f[0]!.line).toBe(2);
  });

  it("does not flag the public index, comments, hashes, includes or `-e .`", async () => {
    const diff = addedFile("requirements-dev.txt", [
      "# dev tools",
      "--index-url https://pypi.org/simple",
      "-r requirements.txt",
      "-e .",
      "pytest==8.2.0 \\",
      "    --hash=sha256:abc",
      "    # via -r requirements-dev.in",
    ]);
    const all = await runDependencyRules(diff);
    expect(byRule(all, "non-registry-source")).toHaveLength(0);
    expect(byRule(all, "new-dependency").map((f) => f.message)).toEqual([
      "requirements-dev.txt: adds dependency pytest==8.2.0",
    ]);
  });

  it("does not read prose in a docs-like txt as requirements", async () => {
    const diff = modifiedFile("requirements.txt", ["+Install these before running the app"]);
    expect(await runDependencyRules(diff)).toEqual([]);
  });
});

describe("pyproject.toml", () => {
  it("reads PEP 621 dependency arrays", async () => {
    const diff = modifiedFile("pyproject.toml", [
      " [project]",
      ' name = "svc"',
      ' requires-python = ">=3.11"',
      " dependencies = [",
      '-    "pydantic>=2.6",',
      '+    "pydantic>=2.7",',
      '+    "orjson>=3.10",',
      " ]",
    ]);
    const all = await runDependencyRules(diff);
    expect(byRule(all, "new-dependency").map((f) => f.message)).toEqual([
      "pyproject.toml: adds dependency orjson>=3.10",
    ]);
    expect(byRule(all, "version-change")[0]!.message).toContain("pydantic >=2.6 → >=2.7");
  });

  it("reads Poetry tables and flags git sources and extra indexes", async () => {
    const diff = modifiedFile("pyproject.toml", [
      " [tool.poetry.dependencies]",
      ' python = "^3.11"',
      '-fastapi = "^0.110.0"',
      '+fastapi = "^0.111.0"',
      '+internal-sdk = { git = "https://github.com/acme/internal-sdk.git", rev = "main" }',
      " ",
      " [[tool.poetry.source]]",
      '+name = "private"',
      '+url = "https://pypi.acme.example/simple"',
    ]);
    const all = await runDependencyRules(diff);
    const src = byRule(all, "non-registry-source");
    expect(src.map((f) => f.severity)).toEqual(["high", "high"]);
    expect(src[0]!.message).toContain("internal-sdk installs from git");
    expect(src[1]!.message).toContain("pypi.acme.example");
    expect(byRule(all, "version-change")[0]!.message).toContain("fastapi ^0.110.0 → ^0.111.0");
    // python = "^3.11" is the interpreter, not a dependency
    expect(all.some((f) => f.message.includes("python"))).toBe(false);
  });

  it("ignores project metadata changes", async () => {
    const diff = modifiedFile("pyproject.toml", [
      " [project]",
      '-version = "1.2.0"',
      '+version = "1.3.0"',
      '-description = "old"',
      '+description = "new"',
      " [tool.ruff]",
      "-line-length = 100",
      "+line-length = 120",
    ]);
    expect(await runDependencyRules(diff)).toEqual([]);
  });
});

describe("Pipfile, setup.py, setup.cfg and Python locks", () => {
  it("Pipfile package without Pipfile.lock is reported as an out-of-date lock", async () => {
    const diff = modifiedFile("Pipfile", [
      " [packages]",
      ' flask = "*"',
      '+gunicorn = "==22.0.0"',
      " ",
      " [dev-packages]",
    ]);
    const all = await runDependencyRules(diff);
    expect(byRule(all, "new-dependency")[0]!.message).toContain("gunicorn==22.0.0");
    expect(byRule(all, "manifest-without-lockfile")[0]!.message).toContain("Pipfile.lock");
  });

  it("setup.py install_requires and a custom install command", async () => {
    const diff = modifiedFile("setup.py", [
      " setup(",
      '     name="pkg",',
      "     install_requires=[",
      '         "click>=8.0",',
      '+        "rich>=13.0",',
      "     ],",
      '+    cmdclass={"install": PostInstallCommand},',
      " )",
    ]);
    const all = await runDependencyRules(diff);
    expect(byRule(all, "new-dependency")[0]!.message).toContain("rich>=13.0");
    expect(byRule(all, "install-script")[0]!.message).toContain("cmdclass");
  });

  it("setup.cfg install_requires list", async () => {
    const diff = modifiedFile("setup.cfg", [
      " [options]",
      " install_requires =",
      "     attrs>=23.1",
      "+    cattrs>=23.2",
    ]);
    expect(byRule(await runDependencyRules(diff), "new-dependency")[0]!.message).toContain("cattrs>=23.2");
  });

  it("poetry.lock-only bump is low; a git source in uv.lock is high", async () => {
    const poetry = modifiedFile("poetry.lock", [
      " [[package]]",
      ' name = "urllib3"',
      '-version = "2.2.1"',
      '+version = "2.2.2"',
      ' description = "HTTP library"',
    ]);
    const f = byRule(await runDependencyRules(poetry), "lockfile-only");
    expect(f[0]!.severity).toBe("low");
    expect(f[0]!.message).toContain("urllib3 2.2.1 → 2.2.2");

    const uv = modifiedFile("uv.lock", [
      " [[package]]",
      ' name = "requests"',
      ' version = "2.32.3"',
      '-source = { registry = "https://pypi.org/simple" }',
      '+source = { git = "https://github.com/attacker/requests?rev=main#abc" }',
    ]);
    expect(byRule(await runDependencyRules(uv), "non-registry-source")[0]!.severity).toBe("high");
    const ok = modifiedFile("uv.lock", [
      " [[package]]",
      ' name = "requests"',
      '-version = "2.32.2"',
      '+version = "2.32.3"',
      ' source = { registry = "https://pypi.org/simple" }',
      '-sdist = { url = "https://files.pythonhosted.org/packages/requests-2.32.2.tar.gz" }',
      '+sdist = { url = "https://files.pythonhosted.org/packages/requests-2.32.3.tar.gz" }',
    ]);
    expect(byRule(await runDependencyRules(ok), "non-registry-source")).toHaveLength(0);
  });

  it("pip.conf extra index is high", async () => {
    const diff = modifiedFile("pip.conf", [" [global]", "+extra-index-url = https://pkgs.example.com/simple"]);
    expect(byRule(await runDependencyRules(diff), "non-registry-source")[0]!.message).toContain("pkgs.example.com");
  });
});

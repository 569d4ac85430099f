import { describe, expect, it } from "vitest";
import { byRule, runDependencyRules } from "../../support/dependency-rules.js";
import { addedFile, modifiedFile, scan } from "../../support/diff.js";

describe("Go modules", () => {
  it("require changes with go.sum: new and bumped modules, no pairing finding", async () => {
    const diff =
      modifiedFile("go.mod", [
        " require (",
        "-\tgithub.com/spf13/cobra v1.7.0",
        "+\tgithub.com/spf13/cobra v1.8.0",
        "+\tgolang.org/x/sync v0.7.0",
        " \tgithub.com/stretchr/testify v1.9.0 // indirect",
        " )",
      ]) +
      modifiedFile("go.sum", [
        "-github.com/spf13/cobra v1.7.0 h1:abc=",
        "+github.com/spf13/cobra v1.8.0 h1:def=",
        "+golang.org/x/sync v0.7.0 h1:ghi=",
      ]);
    const all = await runDependencyRules(diff);
    expect(byRule(all, "new-dependency").map((f) => f.message)).toEqual([
      "go.mod: adds dependency golang.org/x/sync@v0.7.0",
    ]);
    expect(byRule(all, "version-change")[0]!.message).toContain("github.com/spf13/cobra v1.7.0 → v1.8.0");
    expect(byRule(all, "lockfile-only")).toHaveLength(0);
    expect(byRule(all, "manifest-without-lockfile")).toHaveLength(0);
  });

  it("replace to a fork is high; to a local path low", async () => {
    const diff = modifiedFile("go.mod", [
      " go 1.22",
      "+replace github.com/gorilla/websocket => github.com/someone/websocket v1.5.4-fork",
      "+replace example.com/internal/lib => ../lib",
    ]);
    const f = byRule(await runDependencyRules(diff), "non-registry-source");
    expect(f.map((x) => x.severity)).toEqual(["high", "low"]);
    expect(f[0]!.message).toContain(
      "replaces github.com/gorilla/websocket with github.com/someone/websocket@v1.5.4-fork",
    );
  });

  it("go.mod require change without go.sum is reported", async () => {
    const diff = modifiedFile("go.mod", [" require (", "+\tgithub.com/google/uuid v1.6.0", " )"]);
    expect(byRule(await runDependencyRules(diff), "manifest-without-lockfile")[0]!.message).toContain("go.sum");
  });
});

describe("Cargo", () => {
  it("dependencies table, inline git source and Cargo.lock bump", async () => {
    const diff =
      modifiedFile("Cargo.toml", [
        " [dependencies]",
        '-serde = "1.0.197"',
        '+serde = "1.0.200"',
        '+tokio = { version = "1.37", features = ["full"] }',
        '+hyper = { git = "https://github.com/someone/hyper", branch = "fix" }',
        " ",
        " [package.metadata]",
      ]) +
      modifiedFile("Cargo.lock", [
        " [[package]]",
        ' name = "serde"',
        '-version = "1.0.197"',
        '+version = "1.0.200"',
        ' source = "registry+https://github.com/rust-lang/crates.io-index"',
      ]);
    const all = await runDependencyRules(diff);
    expect(byRule(all, "new-dependency").map((f) => f.message)).toEqual([
      "Cargo.toml: adds dependency tokio@1.37",
      "Cargo.toml: adds dependency hyper@https://github.com/someone/hyper#fix",
    ]);
    expect(byRule(all, "non-registry-source")[0]!.message).toContain("hyper installs from git");
    expect(byRule(all, "version-change")[0]!.message).toContain("serde 1.0.197 → 1.0.200");
    expect(byRule(all, "lockfile-only")).toHaveLength(0);
  });

  it("package metadata is not a dependency; a git source in Cargo.lock is high", async () => {
    const meta = modifiedFile("Cargo.toml", [
      " [package]",
      ' name = "tool"',
      '-version = "0.3.0"',
      '+version = "0.4.0"',
      ' edition = "2021"',
    ]);
    expect(await runDependencyRules(meta)).toEqual([]);
    const lock = modifiedFile("Cargo.lock", [
      " [[package]]",
      ' name = "ring"',
      ' version = "0.17.8"',
      '-source = "registry+https://github.com/rust-lang/crates.io-index"',
      '+source = "git+https://github.com/someone/ring?branch=main#0123abcd"',
    ]);
    expect(byRule(await runDependencyRules(lock), "non-registry-source")[0]!.severity).toBe("high");
  });
});

describe("Ruby", () => {
  it("Gemfile bump with Gemfile.lock (Dependabot shape) is one low version-change", async () => {
    const diff =
      modifiedFile(
        "Gemfile",
        [' gem "view_component"', " ", '-gem "lookbook", "2.3.9"', '+gem "lookbook", "2.3.11"', " "],
        26,
      ) +
      modifiedFile(
        "Gemfile.lock",
        ["     loofah (2.24.1)", "-    lookbook (2.3.9)", "+    lookbook (2.3.11)", "       activemodel"],
        301,
      );
    const report = await scan(diff);
    const deps = report.findings.filter((f) => f.category === "dependency");
    expect(deps.map((f) => [f.ruleId, f.severity, f.line])).toEqual([["dependency/version-change", "low", 28]]);
    expect(deps[0]!.message).toContain("lookbook 2.3.9 → 2.3.11");
    expect(report.risk.level).toBe("low");
  });

  it("gem from git, custom source and a gemspec dependency", async () => {
    const diff =
      modifiedFile("Gemfile", [
        '-source "https://rubygems.org"',
        '+source "https://gems.example.net"',
        '+gem "devise", git: "https://github.com/someone/devise", branch: "patched"',
        '+gem "local_gem", path: "../local_gem"',
      ]) +
      modifiedFile("acme.gemspec", [
        '   spec.add_dependency "rack", "~> 3.0"',
        '+  spec.add_development_dependency "rspec", "~> 3.13"',
      ]);
    const all = await runDependencyRules(diff);
    const src = byRule(all, "non-registry-source");
    expect(src.map((f) => f.severity)).toEqual(["high", "high", "low"]);
    expect(src[0]!.message).toContain("gems.example.net");
    expect(src[1]!.message).toContain("devise installs from git");
    expect(byRule(all, "new-dependency").map((f) => f.message)).toContain(
      "acme.gemspec: adds dependency rspec ~> 3.13",
    );
  });

  it("Gemfile.lock GIT remote outside rubygems.org is high", async () => {
    const diff = modifiedFile("Gemfile.lock", [
      "+GIT",
      "+  remote: https://github.com/someone/devise",
      "+  revision: abc123",
      " GEM",
      "   remote: https://rubygems.org/",
    ]);
    expect(byRule(await runDependencyRules(diff), "non-registry-source")[0]!.message).toContain("git");
  });
});

describe("JVM: Maven and Gradle", () => {
  it("pom.xml dependency version bump names group:artifact", async () => {
    const diff = modifiedFile("pom.xml", [
      "     <dependency>",
      "       <groupId>com.fasterxml.jackson.core</groupId>",
      "       <artifactId>jackson-databind</artifactId>",
      "-      <version>2.16.1</version>",
      "+      <version>2.17.0</version>",
      "     </dependency>",
    ]);
    expect(byRule(await runDependencyRules(diff), "version-change")[0]!.message).toContain(
      "com.fasterxml.jackson.core:jackson-databind 2.16.1 → 2.17.0",
    );
  });

  it("pom.xml new dependency block, version property and a new repository", async () => {
    const diff = modifiedFile("pom.xml", [
      "   <properties>",
      "-    <spring-boot.version>3.2.4</spring-boot.version>",
      "+    <spring-boot.version>3.2.5</spring-boot.version>",
      "   </properties>",
      "   <dependencies>",
      "+    <dependency>",
      "+      <groupId>org.apache.commons</groupId>",
      "+      <artifactId>commons-text</artifactId>",
      "+      <version>1.12.0</version>",
      "+    </dependency>",
      "   </dependencies>",
      "   <repositories>",
      "+    <repository>",
      "+      <id>jitpack</id>",
      "+      <url>https://jitpack.io</url>",
      "+    </repository>",
      "   </repositories>",
    ]);
    const all = await runDependencyRules(diff);
    expect(byRule(all, "new-dependency")[0]!.message).toContain("org.apache.commons:commons-text 1.12.0");
    expect(byRule(all, "version-change")[0]!.message).toContain("spring-boot 3.2.4 → 3.2.5");
    expect(byRule(all, "non-registry-source")[0]!.message).toContain("https://jitpack.io");
  });

  it("the project's own version in pom.xml is not a dependency", async () => {
    const diff = modifiedFile("pom.xml", [
      " <project>",
      "   <groupId>com.acme</groupId>",
      "   <artifactId>service</artifactId>",
      "-  <version>1.4.0-SNAPSHOT</version>",
      "+  <version>1.5.0-SNAPSHOT</version>",
    ]);
    expect(await runDependencyRules(diff)).toEqual([]);
  });

  it("Gradle coordinates, plugin versions, repositories and the version catalog", async () => {
    const gradle = modifiedFile("app/build.gradle.kts", [
      " plugins {",
      '-    id("org.springframework.boot") version "3.2.4"',
      '+    id("org.springframework.boot") version "3.2.5"',
      " }",
      " repositories {",
      "     mavenCentral()",
      '+    maven { url = uri("https://maven.example.org/releases") }',
      " }",
      " dependencies {",
      '+    implementation("com.squareup.okhttp3:okhttp:4.12.0")',
      '     testImplementation("org.junit.jupiter:junit-jupiter:5.10.2")',
      " }",
    ]);
    const all = await runDependencyRules(gradle);
    expect(byRule(all, "new-dependency")[0]!.message).toContain("com.squareup.okhttp3:okhttp 4.12.0");
    expect(byRule(all, "version-change")[0]!.message).toContain("org.springframework.boot 3.2.4 → 3.2.5");
    expect(byRule(all, "non-registry-source")[0]!.message).toContain("maven.example.org");
    const catalog = modifiedFile("gradle/libs.versions.toml", [
      " [versions]",
      '-kotlin = "1.9.23"',
      '+kotlin = "2.0.0"',
      " [libraries]",
      '+ktor-client = { module = "io.ktor:ktor-client-core", version.ref = "ktor" }',
    ]);
    const c = await runDependencyRules(catalog);
    expect(byRule(c, "version-change")[0]!.message).toContain("kotlin 1.9.23 → 2.0.0");
    expect(byRule(c, "new-dependency")[0]!.message).toContain("io.ktor:ktor-client-core ktor");
  });
});

describe("Composer and NuGet", () => {
  it("composer.json require, repositories and install hooks", async () => {
    const diff = modifiedFile("composer.json", [
      '     "require": {',
      '         "php": ">=8.2",',
      '-        "guzzlehttp/guzzle": "^7.8",',
      '+        "guzzlehttp/guzzle": "^7.9",',
      '+        "monolog/monolog": "^3.6"',
      "     },",
      '     "repositories": [',
      '+        { "type": "vcs",',
      '+          "url": "https://github.com/someone/laravel-fork" }',
      "     ],",
      '     "scripts": {',
      '+        "post-install-cmd": "php artisan setup --force"',
      "     }",
    ]);
    const all = await runDependencyRules(diff);
    expect(byRule(all, "new-dependency")[0]!.message).toContain("monolog/monolog@^3.6");
    expect(byRule(all, "version-change")[0]!.message).toContain("guzzlehttp/guzzle ^7.8 → ^7.9");
    expect(byRule(all, "non-registry-source")[0]!.message).toContain("laravel-fork");
    expect(byRule(all, "install-script")[0]!.message).toContain("post-install-cmd");
    expect(byRule(all, "manifest-without-lockfile")[0]!.message).toContain("composer.lock");
  });

  it("csproj PackageReference, Directory.Packages.props, packages.config and nuget.config", async () => {
    const diff =
      modifiedFile("src/Api/Api.csproj", [
        "   <ItemGroup>",
        '-    <PackageReference Include="Newtonsoft.Json" Version="13.0.1" />',
        '+    <PackageReference Include="Newtonsoft.Json" Version="13.0.3" />',
        '+    <PackageReference Include="Polly" Version="8.3.1" />',
        "   </ItemGroup>",
      ]) +
      modifiedFile("Directory.Packages.props", ['+    <PackageVersion Include="Serilog" Version="3.1.1" />']) +
      modifiedFile("legacy/packages.config", ['+  <package id="log4net" version="2.0.17" targetFramework="net48" />']) +
      modifiedFile("nuget.config", [
        "   <packageSources>",
        '     <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />',
        '+    <add key="acme" value="https://nuget.acme.example/v3/index.json" />',
        "   </packageSources>",
      ]);
    const all = await runDependencyRules(diff);
    expect(byRule(all, "new-dependency").map((f) => f.message)).toEqual([
      "src/Api/Api.csproj: adds dependency Polly 8.3.1",
      "Directory.Packages.props: adds dependency Serilog 3.1.1",
      "legacy/packages.config: adds dependency log4net 2.0.17",
    ]);
    expect(byRule(all, "version-change")[0]!.message).toContain("Newtonsoft.Json 13.0.1 → 13.0.3");
    expect(byRule(all, "non-registry-source").map((f) => f.message)).toEqual([
      "nuget.config: adds a package source outside the public registry: https://nuget.acme.example/v3/index.json",
    ]);
  });
});

describe("Terraform", () => {
  it("required_providers bump names the provider source (hunk header gives the block)", async () => {
    const diff = [
      "diff --git a/terraform/providers.tf b/terraform/providers.tf",
      "index a554b6e..0808407 100644",
      "--- a/terraform/providers.tf",
      "+++ b/terraform/providers.tf",
      "@@ -16,7 +16,7 @@ terraform {",
      "   required_providers {",
      "     aws = {",
      '       source  = "hashicorp/aws"',
      '-      version = "5.40.0"',
      '+      version = "5.46.0"',
      "     }",
      "   }",
      "",
    ].join("\n");
    const all = await runDependencyRules(diff);
    expect(all.map((f) => [f.ruleId, f.line, f.message])).toEqual([
      ["dependency/version-change", 19, "terraform/providers.tf: changes hashicorp/aws 5.40.0 → 5.46.0"],
    ]);
  });

  it("module from git is high; resource arguments named version are ignored", async () => {
    const diff = addedFile("main.tf", [
      'module "vpc" {',
      '  source = "git::https://github.com/someone/terraform-aws-vpc.git?ref=main"',
      "}",
      'resource "aws_db_instance" "db" {',
      '  engine_version = "15.4"',
      "}",
      'resource "aws_lambda_layer_version" "x" {',
      '  version = "3"',
      "}",
    ]);
    const all = await runDependencyRules(diff);
    expect(all.map((f) => [f.ruleId, f.severity])).toEqual([["dependency/non-registry-source", "high"]]);
    expect(all[0]!.message).toContain(
      "module.vpc installs from git (git::https://github.com/someone/terraform-aws-vpc.git?ref=main)",
    );
  });

  it("a version attribute next to a non-registry `source` argument is not a provider pin", async () => {
    const diff = modifiedFile("infra/s3.tf", [
      "   bucket = aws_s3_bucket.site.id",
      '   source = "dist/index.html"',
      '-  version = "1"',
      '+  version = "2"',
    ]);
    expect(await runDependencyRules(diff)).toEqual([]);
  });

  it(".terraform.lock.hcl alone is a low lock-only change", async () => {
    const diff = modifiedFile(".terraform.lock.hcl", [
      ' provider "registry.terraform.io/hashicorp/google" {',
      '-  version     = "7.39.0"',
      '+  version     = "7.43.0"',
      '   constraints = "7.43.0"',
    ]);
    const f = byRule(await runDependencyRules(diff), "lockfile-only");
    expect(f[0]!.severity).toBe("low");
    expect(f[0]!.message).toContain("registry.terraform.io/hashicorp/google 7.39.0 → 7.43.0");
  });
});

describe("files that are not dependency manifests", () => {
  it("ignores source, docs and other JSON/TOML/YAML files", async () => {
    const diff =
      modifiedFile("src/app.ts", ['+const deps = { "left-pad": "^1.3.0" };']) +
      modifiedFile("tsconfig.json", ['   "compilerOptions": {', '+    "target": "ES2022",']) +
      modifiedFile("charts/app/Chart.yaml", [
        "-version: 4.56.0",
        "+version: 4.56.1",
        "-appVersion: 1.12.0",
        "+appVersion: 1.12.1",
      ]) +
      modifiedFile("docs/requirements.md", ["+requests==2.32.3"]);
    expect(await runDependencyRules(diff)).toEqual([]);
  });

  it("ignores deleted manifests' lock churn and binary lockfiles", async () => {
    const diff = [
      "diff --git a/bun.lockb b/bun.lockb",
      "index 1111111..2222222 100644",
      "Binary files a/bun.lockb and b/bun.lockb differ",
      "",
    ].join("\n");
    expect(await runDependencyRules(diff)).toEqual([]);
  });
});

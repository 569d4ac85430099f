import { describe, expect, it } from "vitest";
import {
  type AiLabel,
  readAiLabels,
  readHoldoutLabels,
  readManifest,
  readUnseenLabels,
  type UnseenLabel,
} from "../../scripts/corpus-unseen.js";
import { CATEGORIES, LEVELS, levelRank } from "../../src/types.js";
import { corpusFile, readJsonl } from "../support/corpus.js";

/**
 * The unseen corpus's labels are data other work is measured against: they must stay well-formed and
 * keep the promises its README makes (provenance, sampling counts, repositories no other corpus uses).
 * Its diffs are regenerated from fetched snapshots and are not needed here.
 */
const labels = readUnseenLabels();
const manifest = readManifest();
const aiLabels: AiLabel[] = readAiLabels();
const KNOWN = new Set<string>([...CATEGORIES.filter((c) => c !== "custom"), "agent-autonomy"]);

const holdout = readHoldoutLabels();

function expectWellFormed(labels: readonly UnseenLabel[]): void {
  expect(new Set(labels.map((l) => l.id)).size).toBe(labels.length);
  expect(new Set(labels.map((l) => `${l.provenance.repo}@${l.provenance.commit}`)).size).toBe(labels.length);
  for (const l of labels) {
    expect(l.id).toMatch(/^[a-z0-9-]+$/);
    expect(l.provenance.commit).toMatch(/^[0-9a-f]{40}$/);
    expect(l.provenance.files.length).toBeGreaterThan(0);
    expect(l.provenance.files.length).toBeLessThanOrEqual(l.provenance.files_total);
    expect(l.provenance.limited).toBe(l.provenance.files.length < l.provenance.files_total);
    for (const c of [...l.expected, ...l.acceptable]) expect(KNOWN.has(c), `${l.id}: ${c}`).toBe(true);
    expect(
      l.expected.filter((c) => l.acceptable.includes(c)),
      l.id,
    ).toEqual([]);
    expect(LEVELS).toContain(l.min_level);
    expect(levelRank(l.min_level), l.id).toBeLessThanOrEqual(levelRank(l.max_level));
    expect(l.why.length).toBeGreaterThan(10);
  }
}

describe("unseen corpus labels", () => {
  it("are well-formed: unique ids and commits, known categories, ordered levels, a reason", () => {
    expectWellFormed(labels);
  });

  it("keep the agent-configuration hold-out apart: well-formed, its own commits, repositories drawn from nowhere else", () => {
    expectWellFormed(holdout);
    expect(holdout.length).toBeGreaterThanOrEqual(15);
    const tuned = new Set(labels.map((l) => l.provenance.repo));
    const ids = new Set(labels.map((l) => l.id));
    const repos = new Map(manifest.repos.map((r) => [r.repo, r]));
    for (const l of holdout) {
      expect(l.subset, l.id).toBe("agent-config");
      expect(ids.has(l.id), l.id).toBe(false);
      expect(tuned.has(l.provenance.repo), l.provenance.repo).toBe(false);
      expect(repos.get(l.provenance.repo)?.random, l.provenance.repo).toBe(0);
    }
  });

  it("holds the random draw the manifest records and at least a third selected", () => {
    const repos = new Map(manifest.repos.map((r) => [r.repo, r]));
    for (const l of [...labels, ...holdout]) expect(repos.has(l.provenance.repo), l.provenance.repo).toBe(true);
    for (const r of manifest.repos) {
      const drawn = labels.filter((l) => l.sampling === "random" && l.provenance.repo === r.repo).length;
      expect(drawn, r.repo).toBe(r.random);
    }
    const everyday = labels.filter((l) => l.subset === "everyday");
    const selected = everyday.filter((l) => l.sampling === "selected").length;
    expect(selected / everyday.length).toBeGreaterThanOrEqual(1 / 3);
    expect(new Set(everyday.map((l) => l.provenance.repo)).size).toBeGreaterThanOrEqual(10);
    expect(labels.filter((l) => l.subset === "agent-config").length).toBeGreaterThanOrEqual(20);
  });

  it("uses no repository that the shared corpora take cases from", () => {
    const shared = ["diffs/labels.jsonl", "ai-authorship/cases.jsonl"].flatMap((f) =>
      readJsonl<{ source?: string }>(corpusFile(...f.split("/"))),
    );
    const sharedRepos = new Set(
      shared.map((c) => /^([\w.-]+\/[\w.-]+)/.exec(c.source ?? "")?.[1]?.toLowerCase()).filter(Boolean),
    );
    for (const r of manifest.repos) expect(sharedRepos.has(r.repo.toLowerCase()), r.repo).toBe(false);
  });

  it("AI-authorship labels name a known repository, a full commit and an agent only when AI", () => {
    const repos = new Set(manifest.repos.map((r) => r.repo));
    expect(new Set(aiLabels.map((l) => l.id)).size).toBe(aiLabels.length);
    for (const l of aiLabels) {
      expect(repos.has(l.provenance.repo), l.id).toBe(true);
      expect(l.provenance.commit).toMatch(/^[0-9a-f]{40}$/);
      if (!l.expected.ai) expect(l.expected.agent, l.id).toBeNull();
    }
  });
});

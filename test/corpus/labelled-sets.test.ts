import { describe, expect, it } from "vitest";
import {
  type AiLabel,
  HOLDOUT,
  type LabelledSet,
  readAgentHoldoutLabels,
  readAiLabels,
  readManifest,
  readUnseenLabels,
  UNSEEN,
  type UnseenLabel,
} from "../../scripts/corpus-unseen.js";
import { CATEGORIES, LEVELS, levelRank } from "../../src/types.js";
import { corpusFile, readJsonl } from "../support/corpus.js";

/**
 * The labels of the unseen corpus and of the hold-out set are data other work is measured against: they
 * must stay well-formed and keep the promises their READMEs make (provenance, sampling counts,
 * repositories no other corpus uses). Their diffs are regenerated from fetched snapshots and are not
 * needed here.
 */
const KNOWN = new Set<string>([...CATEGORIES.filter((c) => c !== "custom"), "agent-autonomy"]);

function sharedRepos(): Set<string> {
  const shared = ["diffs/labels.jsonl", "ai-authorship/cases.jsonl"].flatMap((f) =>
    readJsonl<{ source?: string }>(corpusFile(...f.split("/"))),
  );
  return new Set(
    shared.map((c) => /^([\w.-]+\/[\w.-]+)/.exec(c.source ?? "")?.[1]?.toLowerCase()).filter((r) => r !== undefined),
  );
}

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

/** Every random case is the manifest's draw, and at least a third of the everyday cases are selected. */
function expectSampling(set: LabelledSet, labels: readonly UnseenLabel[], minRepos: number): void {
  const manifest = readManifest(set);
  const repos = new Map(manifest.repos.map((r) => [r.repo, r]));
  for (const l of labels) expect(repos.has(l.provenance.repo), l.provenance.repo).toBe(true);
  for (const r of manifest.repos) {
    const drawn = labels.filter((l) => l.sampling === "random" && l.provenance.repo === r.repo).length;
    expect(drawn, r.repo).toBe(r.random);
  }
  const everyday = labels.filter((l) => l.subset === "everyday");
  const selected = everyday.filter((l) => l.sampling === "selected").length;
  expect(selected / everyday.length).toBeGreaterThanOrEqual(1 / 3);
  expect(new Set(everyday.map((l) => l.provenance.repo)).size).toBeGreaterThanOrEqual(minRepos);
}

describe("unseen corpus labels", () => {
  const labels = readUnseenLabels(UNSEEN);
  const aiLabels: AiLabel[] = readAiLabels(UNSEEN);

  it("are well-formed: unique ids and commits, known categories, ordered levels, a reason", () => {
    expectWellFormed(labels);
  });

  it("holds the random draw the manifest records and at least a third selected", () => {
    expectSampling(UNSEEN, labels, 10);
    expect(labels.filter((l) => l.subset === "agent-config").length).toBeGreaterThanOrEqual(20);
  });

  it("uses no repository that the shared corpora take cases from", () => {
    const shared = sharedRepos();
    for (const r of readManifest(UNSEEN).repos) expect(shared.has(r.repo.toLowerCase()), r.repo).toBe(false);
  });

  it("keep the agent-configuration hold-out apart: well-formed, its own commits, repositories drawn from nowhere else", () => {
    const holdout = readAgentHoldoutLabels(UNSEEN);
    expectWellFormed(holdout);
    expect(holdout.length).toBeGreaterThanOrEqual(15);
    const tuned = new Set(labels.map((l) => l.provenance.repo));
    const ids = new Set(labels.map((l) => l.id));
    const repos = new Map(readManifest(UNSEEN).repos.map((r) => [r.repo, r]));
    for (const l of holdout) {
      expect(l.subset, l.id).toBe("agent-config");
      expect(ids.has(l.id), l.id).toBe(false);
      expect(tuned.has(l.provenance.repo), l.provenance.repo).toBe(false);
      expect(repos.get(l.provenance.repo)?.random, l.provenance.repo).toBe(0);
    }
  });

  it("AI-authorship labels name a known repository, a full commit and an agent only when AI", () => {
    const repos = new Set(readManifest(UNSEEN).repos.map((r) => r.repo));
    expect(new Set(aiLabels.map((l) => l.id)).size).toBe(aiLabels.length);
    for (const l of aiLabels) {
      expect(repos.has(l.provenance.repo), l.id).toBe(true);
      expect(l.provenance.commit).toMatch(/^[0-9a-f]{40}$/);
      if (!l.expected.ai) expect(l.expected.agent, l.id).toBeNull();
    }
  });
});

describe("hold-out set labels", () => {
  const labels = readUnseenLabels(HOLDOUT);

  it("are well-formed, everyday commits only, ids distinct from the unseen corpus", () => {
    expectWellFormed(labels);
    const unseenIds = new Set(readUnseenLabels(UNSEEN).map((l) => l.id));
    for (const l of labels) {
      expect(l.subset, l.id).toBe("everyday");
      expect(unseenIds.has(l.id), l.id).toBe(false);
    }
  });

  it("holds the random draw the manifest records and at least a third selected", () => {
    expectSampling(HOLDOUT, labels, 3);
  });

  it("uses no repository that the shared corpora or the unseen corpus take cases from", () => {
    const taken = sharedRepos();
    for (const r of readManifest(UNSEEN).repos) taken.add(r.repo.toLowerCase());
    for (const r of readManifest(HOLDOUT).repos) expect(taken.has(r.repo.toLowerCase()), r.repo).toBe(false);
  });
});

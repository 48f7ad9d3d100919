import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { checklistFromData, parseChecklistYaml } from "../../src/checklist/loader.js";
import { analyzeFile } from "../../src/index.js";
import { readDataFile } from "../../src/normalize/spin.js";
import { SECTION_ROLES, classifierScores, restoreRoleClassifier, roleTokens, savedRoleClassifier, serializeRoleClassifier } from "../../src/structure/roles.js";

const BUILTIN = new URL("../../src/checklist/builtin/", import.meta.url);

describe("data precompiled to JSON at build time", () => {
  it("reads the .yaml.json beside a YAML when it exists, and the YAML itself otherwise", () => {
    const dir = mkdtempSync(join(tmpdir(), "rc-startup-"));
    const yamlPath = join(dir, "data.yaml");
    writeFileSync(yamlPath, "signatures:\n  - 科学进展观\n");
    expect(readDataFile(pathToFileURL(yamlPath))).toEqual({ signatures: ["科学进展观"] });
    // The JSON wins: a stale YAML beside it is not read.
    writeFileSync(`${yamlPath}.json`, JSON.stringify({ signatures: ["分析缘由"] }));
    expect(readDataFile(pathToFileURL(yamlPath))).toEqual({ signatures: ["分析缘由"] });
  });

  it("turns every built-in checklist into the same checklist from JSON values as from its YAML", () => {
    const names = readdirSync(BUILTIN).filter((n) => n.endsWith(".yaml"));
    expect(names.length).toBe(4);
    for (const name of names) {
      const src = readFileSync(new URL(name, BUILTIN), "utf8");
      const fromJson = checklistFromData(JSON.parse(JSON.stringify(parse(src))) as unknown, `builtin/${name}`);
      expect(fromJson).toEqual(parseChecklistYaml(src, `builtin/${name}`));
    }
  });

  it("rejects precompiled checklist values with an unknown detector or a missing message", () => {
    expect(() => checklistFromData({ id: "x", rules: [{ id: "no.such.detector", message: "缺少……" }] }, "x.json")).toThrow(/未知的检测器/);
    expect(() => checklistFromData({ id: "x", rules: [{ id: "problems" }] }, "x.json")).toThrow(/缺少“message”/);
  });
});

describe("the role classifier shipped as JSON", () => {
  it("scores every training heading exactly as the model trained at start-up does", () => {
    const restored = restoreRoleClassifier(serializeRoleClassifier("rs"));
    const examples = JSON.parse(readFileSync(new URL("../../src/structure/role-examples.json", import.meta.url), "utf8")) as Array<{ heading: string }>;
    const headings = [...examples.map((e) => e.heading), "二、存在问题的根源剖析", "下一步整改打算"];
    for (const h of headings) {
      const tokens = roleTokens(h);
      if (!tokens.length) continue;
      const out = restored.getClassifications(tokens);
      const total = out.reduce((a, b) => a + b.value, 0) || 1;
      const trained = classifierScores(h);
      for (const { label, value } of out) {
        if ((SECTION_ROLES as readonly string[]).includes(label)) expect(value / total).toBeCloseTo(trained[label as (typeof SECTION_ROLES)[number]], 12);
      }
    }
  });
});

describe("the saved role classifier read without natural", () => {
  it("gives natural's own classifications, value for value and in the same order", () => {
    const json = serializeRoleClassifier("rs");
    const natural = restoreRoleClassifier(json);
    const ours = savedRoleClassifier(json);
    const examples = JSON.parse(readFileSync(new URL("../../src/structure/role-examples.json", import.meta.url), "utf8")) as Array<{ heading: string; text?: string }>;
    const headings = [...examples.flatMap((e) => [e.heading, e.text ?? ""]), "二、存在问题的根源剖析", "下一步整改打算", "关于某某同志的情况说明", "未知词汇组成的标题"];
    let compared = 0;
    for (const h of headings) {
      const tokens = roleTokens(h);
      if (!tokens.length) continue;
      // Exact equality: the pipeline must not move by a rounding.
      expect(ours.getClassifications(tokens)).toEqual(natural.getClassifications(tokens));
      compared++;
    }
    expect(compared).toBeGreaterThan(200);
    // Tokens the model never saw, and repeated tokens, are handled as natural handles them.
    expect(ours.getClassifications(["从未见过的词", "问题", "问题"])).toEqual(natural.getClassifications(["从未见过的词", "问题", "问题"]));
  });
});

describe("the public analyzeFile", () => {
  it("loads the pipeline on first call and analyses a text report", async () => {
    const r = await analyzeFile(new URL("../../corpora/dev/analysis-check-gbt9704-complete.txt", import.meta.url).pathname);
    expect(r.status).toBe("ok");
    expect(r.problems.length).toBeGreaterThan(0);
  });
});

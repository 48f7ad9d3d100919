import { describe, expect, it } from "vitest";
import type { SectionRole } from "../../src/model/document.js";
import { classifyRole } from "../../src/structure/roles.js";

const role = (heading: string, parentRole: SectionRole | null = null, body = "") => classifyRole({ heading, body, parentRole, level: parentRole ? 2 : 1 }).role;

describe("roles of parent/child and named sections", () => {
  it("reads the findings section of a personal 对照检查 and its aspect sub-headings as problems", () => {
    expect(role("对照检查情况")).toBe("problems");
    expect(role("对照“理论学习”方面", "problems")).toBe("problems");
    expect(role("对照“担当作为”方面", "problems")).toBe("problems");
    expect(role("在联系服务群众方面", "problems")).toBe("problems");
  });

  it("reads a result of 整改 as progress, and 建章立制 as measures", () => {
    expect(role("整改工作取得阶段性成效")).toBe("progress");
    expect(role("整改落实：完善制度，建章立制")).toBe("measures");
    // a result that is not about 整改 stays an achievement
    expect(role("平安建设扎实有效")).toBe("achievements");
  });

  it("keeps 责任追究情况 a named other, which sibling smoothing leaves alone", () => {
    const r = classifyRole({ heading: "责任追究情况", body: "", parentRole: null, level: 1 });
    expect(r.role).toBe("other");
    expect(r.confidence).toBeGreaterThanOrEqual(0.6);
  });

  it("reads a study heading under a plan as a measure, and a deficiency under causes as a cause", () => {
    expect(role("持续加强理论学习", "measures")).toBe("measures");
    expect(role("持续加强理论学习", "next-steps")).toBe("next-steps");
    expect(role("担当作为的精神不足", "causes")).toBe("causes");
    // without the parent, the same words keep their own reading
    expect(role("持续加强理论学习")).toBe("learning");
  });

  it("reads 形势平稳 as a result", () => {
    expect(role("特种设备安全形势平稳")).toBe("achievements");
  });
});

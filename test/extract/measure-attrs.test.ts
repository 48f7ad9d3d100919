import { describe, expect, it } from "vitest";
import { classifyCause } from "../../src/extract/cause-kind.js";
import { findDeadline, findOwner } from "../../src/extract/measure-attrs.js";

describe("findDeadline", () => {
  const valid: Array<[string, string]> = [
    ["由分管副局长李秀兰负责，2010年底前实现农村公路养护全覆盖。", "2010年底前"],
    ["2010年6月底前完成规划编制。", "2010年6月底前"],
    ["于12月10日前报县委指导组审核。", "12月10日前"],
    ["由局党组书记陈立明负责，长期坚持。", "长期坚持"],
    ["立行立改，全面清理审批事项。", "立行立改"],
    ["年底前完成。", "年底前完成"],
  ];
  for (const [t, want] of valid) it(`finds ${want}`, () => expect(findDeadline(t)).toBe(want));
  it("does not take a service rule or a gesture for a deadline", () => {
    expect(findDeadline("对投诉事项实行限时答复。")).toBeNull();
    expect(findDeadline("推行限时办结制。")).toBeNull();
    expect(findDeadline("要明确整改落实的目标、方式和时限要求。")).toBeNull();
    expect(findDeadline("每季度开展一次专题研讨。")).toBeNull();
    expect(findDeadline("逐项建立整改台账，明确整改时限，切实把整改措施落到实处。")).toBeNull();
    expect(findDeadline("为明年工作打下基础。")).toBeNull();
    expect(findDeadline("完成时限：2023年底")).toBe("2023年底");
  });
});

describe("findOwner", () => {
  it("reads 由…负责 and 由…牵头", () => {
    expect(findOwner("由局党组书记陈立明负责，长期坚持。")).toBe("局党组书记陈立明");
    expect(findOwner("由分管副局长周建华牵头、规划建设股具体负责。")).toBe("分管副局长周建华");
    expect(findOwner("责任单位：办公室")).toBe("办公室");
  });
  it("does not take 首问负责制, a vague 各部门 or the people criticised for an owner", () => {
    expect(findOwner("推行首问负责制和限时办结制。")).toBeNull();
    expect(findOwner("把任务分解落实到各部门和各单位。")).toBeNull();
    expect(findOwner("对相关人员进行了批评教育。")).toBeNull();
  });
});

describe("classifyCause", () => {
  it("tells subjective from objective causes", () => {
    expect(classifyCause("理论学习不够深入，运用科学发展观指导实践的能力不强。")).toBe("subjective");
    expect(classifyCause("宗旨意识有所淡化，服务意识不够强。")).toBe("subjective");
    expect(classifyCause("客观条件制约较多。县级财力有限，交通建设资金缺口大。")).toBe("objective");
    expect(classifyCause("区位条件较差。松岭地处山区，距县城较远，交通不便。")).toBe("objective");
    expect(classifyCause("人才外流严重。青壮年劳动力大量外出务工。")).toBe("objective");
  });
  it("reads weak execution and outdated thinking as subjective", () => {
    expect(classifyCause("教育理念更新不及时。对“以学生发展为中心”的理念理解不深。")).toBe("subjective");
    expect(classifyCause("制度执行和监督约束有所弱化。对基层所站的日常监督偏宽偏软。")).toBe("subjective");
  });
  it("returns null when nothing tells", () => {
    expect(classifyCause("统筹城乡进展还做得不够。")).toBeNull();
  });
});

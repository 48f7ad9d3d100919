import { it } from "vitest";
import { buildUnits } from "/work/main/src/structure/units.js";
import { detectHeadings } from "/work/main/src/structure/headings.js";
it("dbg", () => {
  const text = ["标题","五、深化推动,认真做好整改落实阶段工作","第三阶段,我们将重点作好以下工作: 一是连续加强学习。重点学习有关论述。 二是制定整改落实方案。方案要明确时限要求。 三是解决突出问题。全力推开工业园区健康可持续进展。 四是完善制度机制。乐观推动体制机制创新和制度建设。一是完善推动科学进展的决策机制。二是健全目标责任考核机制。三是建立重大项目推动机制。对不符合科学进展的规章制度,准时清理废止。"].join("\n");
  const blocks: any[] = []; let at = 0; text.split("\n").forEach((l, index) => { blocks.push({ index, kind: "paragraph", span: [at, at + l.length] }); at += l.length + 1; });
  const u = buildUnits({ text, blocks });
  console.log(u.map((x) => x.text.slice(0, 20)));
  console.log(detectHeadings(u, { titleSpan: [0, 2] }).map((h) => [h.family, h.text]));
});

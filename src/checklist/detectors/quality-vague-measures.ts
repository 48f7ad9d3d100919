/** `quality.vague-measures`: measures that are only a slogan (加强学习, 提高认识) with no deadline, owner or concrete object. */
import type { Detector } from "../types.js";

// 加强学习。/ 提高认识 — short, no figure, no deadline, no owner
const VAGUE = /^(?:进一步)?(?:加强|提高|强化|增强|提升|改进|转变|端正)[\u4e00-\u9fa5]{1,6}[。；;]?$/;

export const qualityVagueMeasures: Detector = {
  name: "quality.vague-measures",
  mode: "defect",
  description: "措施空泛：没有具体做法、时限或责任人",
  detect: (doc, opts) => {
    const share = typeof opts["share"] === "number" ? opts["share"] : 0.5;
    if (!doc.measures.length) return null;
    const vague = doc.measures.filter((m) => !m.deadline && !m.owner && (VAGUE.test(m.text.trim()) || m.text.replace(/\s/g, "").length < 16));
    return vague.length / doc.measures.length >= share ? { span: vague[0]!.span, detail: `${vague.length}条措施空泛` } : null;
  },
};

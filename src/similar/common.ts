/**
 * Stock phrasing of the genre: clauses every report of a type may contain
 * without having copied anything. They are COMMON from the start, so they
 * never begin a shared passage even in a batch of two (where document
 * frequency cannot tell boilerplate from copying). Written as the reports
 * write them; folded and hashed like any clause (numbers → #).
 */
import { MIN_CLAUSE, splitClauses } from "./fingerprint.js";
import { hashString } from "./hash.js";

const STOCK = `
以习近平新时代中国特色社会主义思想为指导，深入学习贯彻党的二十大精神，全面贯彻党的十九大和十九届历次全会精神。
坚持以马克思列宁主义、毛泽东思想、邓小平理论、“三个代表”重要思想、科学发展观为指导。
深入贯彻落实科学发展观，深入学习实践科学发展观活动。
按照上级统一部署，根据县委统一部署，按照市委统一安排，按照省委统一部署和要求，按照中央统一部署。
现将有关情况报告如下，现将有关情况汇报如下，现将工作情况总结如下，现将整改落实情况报告如下，现将对照检查情况报告如下，现将个人对照检查情况报告如下。
现将分析检查阶段工作总结如下，现将有关情况总结如下，现将学习实践活动分析检查阶段工作总结如下。
以上对照检查，请同志们批评指正，不妥之处，恳请同志们批评指正，以上发言，请同志们批评指正，敬请各位同志批评指正。
以上是我的对照检查，请大家批评帮助，如有不当之处，请批评指正。
增强“四个意识”、坚定“四个自信”、做到“两个维护”，深刻领悟“两个确立”的决定性意义。
坚决维护习近平总书记党中央的核心、全党的核心地位，坚决维护党中央权威和集中统一领导。
严格落实中央八项规定及其实施细则精神，驰而不息纠治“四风”。
认真开展批评和自我批评，开展批评和自我批评，红红脸、出出汗。
坚持问题导向，坚持目标导向和结果导向，坚持边学边查边改，立行立改。
广泛征求意见建议，通过发放征求意见表、召开座谈会、个别谈心等方式，广泛征求党员群众意见建议。
对照党章党规，对照初心使命，对照新时代合格党员标准，对照先进典型。
理想信念不够坚定，宗旨意识有所淡化，担当精神不够强，工作作风不够扎实。
理论学习不够深入系统，学用结合不够紧密，存在以干代学现象。
存在的主要问题，产生问题的原因，今后努力方向和整改措施，下一步工作打算。
建立问题清单、任务清单、责任清单，明确整改目标、整改措施、整改时限和责任人。
确保整改工作取得实效，以整改实效取信于民，切实把整改成果转化为推动发展的强大动力。
`;

let cached: number[] | null = null;

/** Hashes of the stock clauses (a fresh Set each call; callers add batch-common ones to it). */
export function commonClauseHashes(): Set<number> {
  if (!cached) {
    cached = [];
    for (const c of splitClauses(STOCK)) {
      if (c.folded.length >= MIN_CLAUSE) cached.push(hashString(c.folded));
    }
  }
  return new Set(cached);
}


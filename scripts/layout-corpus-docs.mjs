/**
 * The documents of corpora/layout/, written for this corpus (no sentence is
 * taken from a real report). Each document is a list of paragraphs:
 *
 *   ["title", text]                the centred, larger title
 *   ["h1", text, role]             a heading (marker, if any, written in the text)
 *   ["h2", text, role]             a sub-heading
 *   ["p", text, kind?]             a body paragraph; kind "problems" | "causes" | "measures"
 *                                  makes the paragraph (without its 一是/（一）marker) a gold item
 *   ["sub", text, role, kind?]     an unmarked sub-heading that opens an item with the
 *                                  paragraph after it (gold item = heading + paragraph)
 *   ["sign", text]                 signature / date lines (right-aligned)
 *
 * `layout` says how the DOCX is typeset (see make-layout-corpus.mjs):
 *   indent:   "para"  first-line indent of two characters, no spacing between paragraphs
 *             "spaces" the indent typed as two full-width spaces (U+3000), no spacing
 *   headings: "plain" headings in the body font, indented like the body
 *             "bold"  sub-headings bold, unmarked, body size
 *             "style" Heading 1 / Heading 2 styles (larger / bold), no markers
 *   columns:  2 → the body in two columns (the title spans the page)
 *   txt:      true → a plain-text rendering too
 */

export const DOCS = [
  // ─── 1. paragraphs marked only by first-line indentation ───
  {
    name: "layout-indent-only-analysis-check",
    notes:
      "分析检查报告 typeset 公文-style: every paragraph and heading indented two characters, no spacing between paragraphs, headings in the body font. In the PDF only the indentation separates paragraphs; the title is centred and larger.",
    reportType: "analysis-check",
    layout: { indent: "para", headings: "plain", txt: true },
    counts: [],
    missing: ["meeting", "criticism", "opinions.count", "evaluation.result", "next.steps", "measures.deadline", "measures.owner"],
    paras: [
      ["title", "中共青禾县农业农村局党组关于深入学习实践活动的分析检查报告"],
      ["p", "按照县委学习实践活动领导小组的统一部署，局党组在认真组织学习、广泛征求意见的基础上，对照科学发展的要求，认真查摆班子在思想观念、工作思路和体制机制等方面存在的突出问题，深入剖析产生问题的根源，研究提出了今后的努力方向和具体措施。现将有关情况报告如下。"],
      ["h1", "一、学习调研开展情况", "learning"],
      ["p", "局党组把学习作为开展活动的首要任务，采取集中学习与个人自学相结合、专题辅导与交流研讨相结合的方式，组织班子成员系统学习规定篇目。班子成员每人撰写学习心得，在中心组学习会上作交流发言，进一步统一了思想认识。"],
      ["p", "围绕农业产业结构调整、农村人居环境改善和农民持续增收等课题，班子成员带队深入乡镇和村组开展专题调研，形成调研报告若干篇，为查找问题、理清思路打下了基础。"],
      ["h1", "二、征求意见情况", "feedback"],
      ["p", "通过召开座谈会、发放征求意见表、设置意见箱和个别走访等形式，面向乡镇、服务对象和本系统干部职工广泛征求对局党组的意见建议。对收集到的意见建议逐条梳理归类，作为查摆问题的重要依据。"],
      ["h1", "三、存在的主要问题", "problems"],
      ["p", "一是思想观念不够解放。对新形势下农业农村工作的新特点研究不深，习惯于按部就班开展工作，在推动产业融合发展上办法不多、魄力不足。", "problems"],
      ["p", "二是统筹谋划能力不强。抓工作有时满足于完成上级布置的任务，对全县农业发展的长远规划思考不够，部分项目前期论证不充分，存在重申报轻管理的现象。", "problems"],
      ["p", "三是服务基层不够主动。深入一线调研的时间偏少，对乡镇和农户反映的困难回应不够及时，一些惠农政策宣传解读不到位，群众知晓程度不高。", "problems"],
      ["p", "四是制度执行不够严格。部分内部管理制度修订滞后，落实过程中存在宽松软的情况，对下属单位的督促检查力度不够。", "problems"],
      ["h1", "四、产生问题的原因", "causes"],
      ["p", "一是理论学习的自觉性不够高。对科学理论的学习满足于读原文、记笔记，结合实际深入思考不够，运用理论指导实践的能力有待提高。", "causes"],
      ["p", "二是宗旨意识有所淡化。对联系服务群众的重要性认识不足，习惯于坐在办公室听汇报、看材料，对群众的所想所盼了解不深。", "causes"],
      ["p", "三是担当精神不够强。面对改革中的难点问题，存在怕担风险、求稳怕乱的思想，开拓进取的劲头有所减弱。", "causes"],
      ["h1", "五、整改措施", "measures"],
      ["p", "一是强化理论武装。健全中心组学习制度，每月至少安排一次专题学习，推动班子成员学以致用、以学促干。", "measures"],
      ["p", "二是完善发展思路。组织编制全县农业产业发展规划，建立重点项目全过程管理台账，做到谋划一批、储备一批、实施一批。", "measures"],
      ["p", "三是改进工作作风。落实班子成员联系乡镇制度，每季度到联系点蹲点调研，建立群众诉求快速回应机制。", "measures"],
      ["p", "四是健全制度机制。全面梳理内部管理制度，该修订的及时修订，该废止的坚决废止，加强对制度执行情况的监督检查。", "measures"],
      ["sign", "中共青禾县农业农村局党组"],
      ["sign", "2009年11月20日"],
    ],
  },

  // ─── 2. bold unmarked sub-headings (personal 对照检查) ───
  {
    name: "layout-bold-subheadings-personal",
    notes:
      "个人对照检查材料: 一、 headings, and under them unmarked sub-headings set in bold body-size type, each followed by one paragraph (problems, causes, measures as sub-heading items). Paragraphs indented, no spacing.",
    reportType: "democratic-life",
    layout: { indent: "para", headings: "bold", txt: false },
    counts: [],
    missing: ["previous.rectification"],
    paras: [
      ["title", "2023年度专题民主生活会个人对照检查材料"],
      ["p", "按照这次专题民主生活会的要求，我认真学习了规定的学习内容，广泛听取了干部群众的意见建议，与班子成员和分管科室负责同志逐一谈心交流，对照要求深入查摆自身存在的问题，剖析根源，明确整改方向。现对照检查如下。"],
      ["h1", "一、对照检查查摆的问题", "problems"],
      ["sub", "理论学习的系统性不够", "problems", "problems"],
      ["p", "平时学习多是围绕工作需要读文件、看材料，碎片化学习多，系统钻研少，对一些重要论述理解还停留在字面上，学用结合不够紧密。"],
      ["sub", "调查研究不够深入", "problems", "problems"],
      ["p", "下基层多是看点位、听汇报，和一线干部群众面对面交流少，对分管领域的深层次矛盾掌握不够全面，提出的对策有时针对性不强。"],
      ["sub", "攻坚克难的劲头不足", "problems", "problems"],
      ["p", "面对历史遗留问题和跨部门协调事项，有时存在等一等、看一看的心态，主动牵头推动不够，一些工作推进速度不快。"],
      ["sub", "从严管理有所放松", "problems", "problems"],
      ["p", "对分管科室干部的日常教育管理抓得不够经常，发现苗头性问题时提醒不够及时，存在好人主义思想。"],
      ["h1", "二、产生问题的原因", "causes"],
      ["sub", "理想信念有所松懈", "causes", "causes"],
      ["p", "认为自己参加工作多年，理论基础比较扎实，放松了对世界观、人生观、价值观的改造，主动学习的内生动力不足。"],
      ["sub", "宗旨意识有所淡化", "causes", "causes"],
      ["p", "随着职务的变化，与基层群众直接接触的机会减少，站在群众立场上想问题、办事情的意识不如从前。"],
      ["sub", "担当作为的精神不足", "causes", "causes"],
      ["p", "求稳怕错的思想有所滋长，遇到矛盾习惯于按惯例处理，敢闯敢试、迎难而上的精神状态有所减退。"],
      ["sub", "自我要求有所降低", "causes", "causes"],
      ["p", "对自己的严格要求没有一以贯之，满足于不出事、过得去，对照更高标准查找差距的自觉性不够。"],
      ["h1", "三、今后的努力方向和整改措施", "measures"],
      ["sub", "持续加强理论学习", "measures", "measures"],
      ["p", "制定个人年度学习计划，每周安排固定时间自学，每季度撰写一篇学习体会，做到学思用贯通。"],
      ["sub", "大兴调查研究之风", "measures", "measures"],
      ["p", "每月至少安排五个工作日到基层一线，围绕分管领域的难点问题开展蹲点调研，形成有分量的调研成果。"],
      ["sub", "主动担当攻坚克难", "measures", "measures"],
      ["p", "对分管领域的重点难点事项逐项建立责任清单，亲自牵头协调推动，明确时间节点，确保按期见效。"],
      ["sub", "严格落实管党治党责任", "measures", "measures"],
      ["p", "坚持抓早抓小，定期与分管科室干部谈心谈话，发现问题及时提醒纠正，营造风清气正的工作环境。"],
      ["sign", "2024年1月10日"],
    ],
  },

  // ─── 3. style headings without markers (work summary) ───
  {
    name: "layout-style-headings-work-summary",
    notes:
      "工作总结 whose headings carry no number at all: Heading 1 (larger, bold sans) and Heading 2 (bold, body size) styles. In the PDF only size and weight mark them.",
    reportType: "work-summary",
    layout: { indent: "para", headings: "style", txt: false },
    counts: [],
    missing: ["causes", "learning"],
    paras: [
      ["title", "杏林街道社区卫生服务中心2023年工作总结"],
      ["p", "2023年，中心在街道党工委和区卫生健康局的领导下，坚持以居民健康为中心，围绕基本医疗和基本公共卫生服务两条主线，扎实推进各项工作，较好完成了年度目标任务。现将全年工作总结如下。"],
      ["h1", "主要工作完成情况", "achievements"],
      ["h2", "基本医疗服务能力稳步提升", "achievements"],
      ["p", "中心新增康复理疗和中医馆两个服务区，引进全科医生和康复治疗师，门诊服务时间延长至晚间，居民就近看病更加方便。"],
      ["h2", "家庭医生签约服务扎实推进", "achievements"],
      ["p", "组建家庭医生团队，按网格包片开展签约服务，重点人群签约覆盖面进一步扩大，履约服务质量明显改善。"],
      ["h2", "公共卫生服务更加规范", "achievements"],
      ["p", "健全居民健康档案动态管理机制，规范开展慢性病随访管理和老年人健康体检，预防接种门诊实现全程信息化管理。"],
      ["h2", "党建和行风建设持续加强", "achievements"],
      ["p", "坚持党建引领业务发展，开展医德医风专题教育，设立患者意见反馈渠道，群众满意度持续提高。"],
      ["h1", "存在的问题和不足", "problems"],
      ["p", "一是人才队伍结构不够合理，全科医生和专业技术骨干数量偏少，难以满足居民多样化的健康需求。", "problems"],
      ["p", "二是信息化水平有待提高，与上级医院的检查结果互认和远程会诊尚未完全打通。", "problems"],
      ["p", "三是健康宣传教育的针对性不强，形式比较单一，居民参与积极性不高。", "problems"],
      ["h1", "下一步工作打算", "next-steps"],
      ["sub", "加强人才队伍建设", "next-steps", "measures"],
      ["p", "通过公开招聘、定向培养和对口帮扶等渠道充实全科医生队伍，完善绩效分配办法，稳定骨干人才。"],
      ["sub", "推进智慧医疗建设", "next-steps", "measures"],
      ["p", "加快与区域医疗信息平台对接，推动检查检验结果互认，开通远程会诊服务，让数据多跑路、群众少跑腿。"],
      ["sign", "杏林街道社区卫生服务中心"],
      ["sign", "2024年1月8日"],
    ],
  },

  // ─── 4. a two-column page (work summary) ───
  {
    name: "layout-two-column-work-summary",
    notes:
      "工作总结 set in two columns below a full-width title: headings 一、/（一）, 一是 items under 存在的问题 and 下一步工作打算. The PDF must be read column by column.",
    reportType: "work-summary",
    layout: { indent: "para", headings: "plain", columns: 2, txt: false },
    counts: [],
    missing: ["causes", "learning"],
    paras: [
      ["title", "白石镇2023年农村工作总结"],
      ["p", "今年以来，白石镇紧扣乡村全面振兴目标，聚焦产业发展、基础设施、乡村治理和民生保障等重点工作，凝心聚力、真抓实干，全镇农村经济社会保持平稳健康发展。现将全年工作情况总结如下。"],
      ["h1", "一、主要工作成效", "achievements"],
      ["h2", "（一）特色产业发展壮大", "achievements"],
      ["p", "坚持因地制宜发展特色种养业，扩大高山茶叶和中药材种植规模，培育农民专业合作社和家庭农场，推动农产品加工和电商销售，带动农户增收的能力明显增强。村集体经济通过入股分红、资产租赁等方式实现稳定增收。"],
      ["h2", "（二）基础设施不断完善", "achievements"],
      ["p", "完成多条通村公路的硬化和拓宽改造，新建和维修一批小型水利设施，解决了部分村组群众出行难和灌溉难的问题。推进农村人居环境整治，改造农村户厕，村庄面貌焕然一新。"],
      ["h2", "（三）乡村治理扎实有效", "achievements"],
      ["p", "健全自治、法治、德治相结合的乡村治理体系，修订完善村规民约，推行网格化服务管理，及时化解邻里纠纷和信访矛盾，全镇社会大局和谐稳定。"],
      ["h2", "（四）民生保障持续加强", "achievements"],
      ["p", "落实各项惠民政策，做好低保、特困供养和残疾人两项补贴发放工作，开展农村实用技术和职业技能培训，帮助群众实现就近就业。"],
      ["h1", "二、存在的问题", "problems"],
      ["p", "一是产业发展层次不高，农产品精深加工不足，品牌影响力不强，产业链条较短。", "problems"],
      ["p", "二是基础设施仍有短板，部分偏远村组道路等级低，农田水利设施老化，抵御自然灾害能力较弱。", "problems"],
      ["p", "三是村级组织带动能力不强，部分村干部年龄偏大、思路不宽，发展集体经济办法不多。", "problems"],
      ["h1", "三、下一步工作打算", "next-steps"],
      ["p", "一是做强特色产业，引进农产品加工企业，打造区域公共品牌，推动一二三产业融合发展。"],
      ["p", "二是补齐基础短板，争取项目资金实施道路提档升级和农田水利改造，提升防灾减灾能力。", "measures"],
      ["p", "三是加强班子建设，选优配强村级带头人，健全村干部教育培训和激励机制。", "measures"],
      ["p", "四是办好民生实事，持续改善农村人居环境，推动教育、医疗和养老服务向村组延伸。", "measures"],
      ["sign", "白石镇人民政府"],
      ["sign", "2023年12月25日"],
    ],
  },

  // ─── 5. unmarked headings in plain text ───
  {
    name: "layout-unmarked-headings-duty-report",
    notes:
      "述职报告 whose headings carry no number and no typography (plain text): short lines without end punctuation, each followed by a body paragraph, repeated.",
    reportType: "work-summary",
    layout: { indent: "para", headings: "plain", txt: true },
    counts: [],
    missing: ["causes"],
    paras: [
      ["title", "区市场监管局副局长2023年度述职报告"],
      ["p", "一年来，我在局党组的领导下，认真履行分管食品安全、特种设备和消费维权工作的职责，团结带领分管科室的同志们，较好完成了各项工作任务。现将本人履职情况报告如下，请予评议。"],
      ["h1", "加强学习，提升履职本领", "learning"],
      ["p", "坚持把学习作为履职的基础，认真参加局党组中心组学习，系统学习市场监管法律法规和业务知识，做到学以致用，用法治思维和法治方式推动工作。"],
      ["h1", "守牢食品安全底线", "achievements"],
      ["p", "组织开展校园周边、农村集体聚餐和节日市场等重点领域专项检查，推行餐饮服务明厨亮灶，督促企业落实主体责任，全年未发生较大食品安全事故。"],
      ["h1", "特种设备安全形势平稳", "achievements"],
      ["p", "建立电梯、锅炉等特种设备隐患排查台账，对检查发现的问题实行闭环管理，推动老旧住宅电梯更新改造，安全监管责任进一步压实。"],
      ["h1", "消费维权工作成效明显", "achievements"],
      ["p", "畅通投诉举报渠道，推行消费纠纷在线调解，培育放心消费示范单位，消费者合法权益得到有效维护，营商环境持续改善。"],
      ["h1", "严守廉洁自律要求", "other"],
      ["p", "严格遵守中央八项规定精神，自觉接受组织和群众监督，管好身边工作人员，始终保持清正廉洁的良好形象。"],
      ["h1", "存在的不足", "problems"],
      ["p", "一是对新兴业态的监管研究不深，监管方式创新不够。", "problems"],
      ["p", "二是基层监管力量统筹不够，部分所队执法规范化水平有待提高。", "problems"],
      ["h1", "下一步打算", "next-steps"],
      ["p", "一是加强对网络订餐、直播带货等新业态的监管研究，探索信用监管和智慧监管手段。", "measures"],
      ["p", "二是加强执法队伍培训，规范执法程序，提升基层所队依法履职能力。", "measures"],
      ["p", "以上述职，不妥之处，请批评指正。"],
      ["sign", "2024年1月15日"],
    ],
  },

  // ─── 6. roles: 对照"…"方面 under 对照检查情况; 存在的不足及原因 ───
  {
    name: "layout-roles-personal-aspects",
    notes:
      "个人对照检查: under 对照检查情况 the sub-headings 对照“…”方面 / 在…方面 are problems sections holding 一是 items; a mixed section 存在的不足及原因 holds problems and causes, told apart by their lead (究其原因, 根源在于, 主要是…所致).",
    reportType: "democratic-life",
    layout: { indent: "para", headings: "plain", txt: true },
    counts: [],
    missing: ["previous.rectification"],
    paras: [
      ["title", "县文化和旅游局局长专题民主生活会对照检查材料"],
      ["p", "根据县委关于开好本次专题民主生活会的通知要求，我紧扣会议主题，认真学习规定内容，广泛征求意见，深入开展谈心谈话，对照检查自身存在的问题，现将有关情况报告如下。"],
      ["h1", "一、学习研讨情况", "learning"],
      ["p", "会前，我参加了局党组组织的集中学习和专题研讨，认真研读了规定的学习材料，结合文旅工作实际撰写了研讨发言提纲，进一步提高了思想认识。"],
      ["h1", "二、对照检查情况", "problems"],
      ["h2", "（一）对照“理论学习”方面", "problems"],
      ["p", "一是学习不够深入系统，满足于参加集中学习，自学时间保障不够。", "problems"],
      ["p", "二是运用理论指导实践不够，研究解决文旅融合发展难题时办法不多。", "problems"],
      ["h2", "（二）对照“担当作为”方面", "problems"],
      ["p", "一是推动重点项目建设力度不够，景区提档升级进度滞后于计划。", "problems"],
      ["p", "二是破解难题的办法不多，对旅游市场淡旺季不均的问题研究不深。", "problems"],
      ["h2", "（三）在联系服务群众方面", "problems"],
      ["p", "一是深入基层不够经常，到乡镇文化站和村级文化活动室调研次数偏少。", "problems"],
      ["p", "二是公共文化服务供给与群众需求对接不够精准，部分活动群众参与度不高。", "problems"],
      ["h1", "三、存在的不足及原因", "analysis"],
      ["p", "1.工作标准不够高。有时满足于完成上级交办的任务，追求卓越的意识不强。", "problems"],
      ["p", "2.督促检查不够到位。对部署的工作跟踪问效不及时，有的工作落实打了折扣。", "problems"],
      ["p", "3.究其原因，是自身党性修养有所放松，对自己要求不够严格，思想上产生了松劲情绪。", "causes"],
      ["p", "4.根源在于宗旨意识树得不牢，对群众的操心事、烦心事关注不够。", "causes"],
      ["p", "5.工作作风不够扎实，主要是自我满足、不思进取的思想所致。", "causes"],
      ["h1", "四、整改措施", "measures"],
      ["p", "一是加强学习，制定个人学习计划，每月撰写学习笔记，提高理论水平。", "measures"],
      ["p", "二是担当实干，对重点项目实行清单化管理，定期调度，确保按期完成。", "measures"],
      ["p", "三是贴近群众，每季度到基层文化站点调研，根据群众需求调整服务内容。", "measures"],
      ["sign", "2023年12月28日"],
    ],
  },

  // ─── 7. roles in a rectification report ───
  {
    name: "layout-roles-rectification-report",
    notes:
      "整改情况报告 indented with typed full-width spaces: 整改工作取得阶段性成效 is progress; 整改落实：完善制度，建章立制 is measures (its points are measures); 责任追究情况 is other; a 下一步 section holds measures.",
    reportType: "rectification",
    layout: { indent: "spaces", headings: "plain", txt: true },
    counts: [],
    missing: ["problems", "measures.deadline", "measures.owner"],
    paras: [
      ["title", "县水利局关于巡察反馈意见整改落实情况的报告"],
      ["p", "县委第二巡察组对我局开展巡察并反馈意见后，局党组高度重视，把抓好巡察整改作为重大政治任务，逐条研究反馈意见，制定整改方案，扎实推进整改落实。现将整改情况报告如下。"],
      ["h1", "一、整改工作取得阶段性成效", "progress"],
      ["p", "局党组成立整改工作领导小组，主要负责同志任组长，召开专题会议研究部署整改工作，建立问题清单、任务清单和责任清单，实行挂图作战、对账销号。截至目前，反馈问题大部分已整改到位，其余问题正在按计划推进。"],
      ["h1", "二、整改落实：完善制度，建章立制", "measures"],
      ["p", "一是修订完善工程项目管理办法，明确项目立项、招投标、建设和验收各环节的责任和程序。", "measures"],
      ["p", "二是建立水利资金使用公示制度，定期公开资金拨付和使用情况，主动接受社会监督。", "measures"],
      ["p", "三是健全干部选拔任用工作规程，严格执行动议、民主推荐、考察和讨论决定等程序。", "measures"],
      ["h1", "三、责任追究情况", "other"],
      ["p", "对巡察反馈中涉及的违规违纪问题线索，局党组按程序移交有关部门处理，对相关责任人进行了批评教育和诫勉谈话，以案促改，警示教育全体干部职工。"],
      ["h1", "四、下一步工作打算", "next-steps"],
      ["p", "一是持续巩固整改成果，对已整改的问题适时开展回头看，防止问题反弹回潮。", "measures"],
      ["p", "二是加强制度执行的监督检查，确保新建立的制度落地见效。", "measures"],
      ["sign", "县水利局党组"],
      ["sign", "2023年10月16日"],
    ],
  },

  // ─── 8. measures under a results-and-next-steps heading (campaign summary) ───
  {
    name: "layout-campaign-summary-mixed",
    notes:
      "活动总结 (indented with typed full-width spaces) whose last section names results AND next steps (主要成效和下一步打算): the section opens with a paragraph of results, then 下一步 measures 一是…五是; each is a measure.",
    reportType: "work-summary",
    layout: { indent: "spaces", headings: "plain", txt: true },
    counts: [],
    missing: ["problems", "causes", "learning"],
    paras: [
      ["title", "市生态环境局“清河行动”专项活动总结"],
      ["p", "按照市委、市政府的部署，我局于今年三月至十月组织开展“清河行动”专项活动，集中整治城区河道及两岸环境突出问题。现将活动开展情况总结如下。"],
      ["h1", "一、精心组织部署", "other"],
      ["p", "成立活动领导小组，制定实施方案，明确整治范围、重点任务和时间节点，召开动员会议对活动进行全面部署，形成了局领导牵头、科室协同、区县联动的工作格局。"],
      ["h1", "二、扎实推进整治", "achievements"],
      ["p", "对城区主要河道开展排污口排查，逐一登记建档，实行一口一策整治；联合住建、城管等部门清理河道垃圾和岸线违章设施，推进截污纳管工程建设。"],
      ["h1", "三、主要成效和下一步打算", "next-steps"],
      ["p", "通过专项活动，城区河道水质明显改善，沿河环境面貌焕然一新，群众反映强烈的黑臭水体问题基本得到解决。下一步，我们将重点抓好以下工作："],
      ["p", "一是建立河道巡查长效机制，落实河长制责任，实行定人定段定责管理。", "measures"],
      ["p", "二是加快推进截污纳管扫尾工程，确保污水应收尽收。", "measures"],
      ["p", "三是加强工业企业排污监管，对超标排放行为依法从严查处。", "measures"],
      ["p", "四是推进沿河生态修复，建设滨水绿道和湿地公园。", "measures"],
      ["p", "五是加强宣传引导，动员群众参与河道保护和监督。", "measures"],
      ["sign", "市生态环境局"],
      ["sign", "2023年11月6日"],
    ],
  },

  // ─── 9. unmarked sub-headings under 一、 headings (plain text) ───
  {
    name: "layout-unmarked-subheadings-work-summary",
    notes:
      "工作总结 with 一、 headings and, under them, unmarked sub-headings: short lines without end punctuation, each followed by a body paragraph, several in a row. No typography (the DOCX sets them like body text).",
    reportType: "work-summary",
    layout: { indent: "para", headings: "plain", txt: true },
    counts: [],
    missing: ["causes", "learning"],
    paras: [
      ["title", "区统计局2023年工作总结"],
      ["p", "2023年，区统计局在区委、区政府的坚强领导和市统计局的精心指导下，围绕全区经济社会发展大局，依法履行统计调查、统计监督和统计服务职能，各项工作取得了新的进展。现将全年工作总结如下。"],
      ["h1", "一、主要工作开展情况", "achievements"],
      ["h2", "统计调查任务圆满完成", "achievements"],
      ["p", "按时完成农业、工业、服务业、固定资产投资等常规统计调查任务，组织开展人口变动抽样调查和住户收支调查，各项数据按时上报，为区委、区政府决策提供了可靠依据。"],
      ["h2", "数据质量管控不断加强", "achievements"],
      ["p", "建立统计数据质量审核评估制度，对重点企业报表实行联网直报全程跟踪，开展统计数据核查，及时纠正错报漏报问题，源头数据质量明显提高。"],
      ["h2", "统计服务水平稳步提升", "achievements"],
      ["p", "编印统计月报和统计年鉴，撰写经济运行分析报告，围绕消费、投资和民营经济等热点开展专题分析，为各部门研判形势提供参考。"],
      ["h2", "统计法治建设扎实推进", "achievements"],
      ["p", "深入开展统计法律法规宣传，组织统计执法检查，对统计违法行为依法查处，全区依法统计、依法治统的氛围更加浓厚。"],
      ["h1", "二、存在的问题", "problems"],
      ["p", "一是基层统计力量薄弱，部分街道统计人员身兼数职、流动频繁，业务能力有待提高。", "problems"],
      ["p", "二是部分企业统计基础工作不规范，原始记录和统计台账不健全。", "problems"],
      ["p", "三是统计分析的深度不够，服务决策的前瞻性和针对性还需增强。", "problems"],
      ["h1", "三、2024年工作思路", "next-steps"],
      ["sub", "全力做好经济普查工作", "next-steps", "measures"],
      ["p", "按照普查方案要求，做好普查登记、数据审核和资料开发各阶段工作，确保普查数据真实准确。"],
      ["sub", "持续提升统计数据质量", "next-steps", "measures"],
      ["p", "完善数据质量控制体系，加大统计执法检查力度，严肃查处统计造假弄虚作假行为。"],
      ["sub", "加强基层统计队伍建设", "next-steps", "measures"],
      ["p", "开展街道和企业统计人员业务培训，推动基层统计工作规范化建设，稳定基层统计队伍。"],
      ["p", "新的一年，我们将继续努力，推动全区统计工作再上新台阶。"],
      ["sign", "区统计局"],
      ["sign", "2024年1月12日"],
    ],
  },

  // ─── 10. two levels of unmarked headings in plain text ───
  {
    name: "layout-unmarked-two-level-duty-report",
    notes:
      "述职报告 in plain text with two levels of unmarked headings: a group heading (主要工作完成情况, 下一步打算) right above its first sub-heading, sub-headings each followed by a body paragraph, and 存在的不足 back at the top level.",
    reportType: "work-summary",
    layout: { indent: "para", headings: "plain", txt: true },
    counts: [],
    missing: ["causes"],
    paras: [
      ["title", "镇党委副书记2023年度述职述廉报告"],
      ["p", "今年以来，在县委和镇党委的坚强领导下，我认真履行岗位职责，协助书记抓好党建、组织和宣传思想工作，现将一年来的学习、工作和廉洁自律情况报告如下。"],
      ["h1", "主要工作完成情况", "achievements"],
      ["h2", "坚持学习不放松", "learning"],
      ["p", "认真参加镇党委理论学习中心组学习，坚持每天自学一小时，围绕基层党建和乡村治理撰写学习体会，理论素养和履职能力有了新的提高。"],
      ["h2", "基层党建全面加强", "achievements"],
      ["p", "推动村级党组织标准化规范化建设，组织开展党员冬春训，整顿提升软弱涣散村党组织，村级党组织的凝聚力和战斗力进一步增强。"],
      ["h2", "宣传思想工作扎实有效", "achievements"],
      ["p", "组建宣讲小分队深入村组开展政策宣讲，建好用好新时代文明实践站，群众性精神文明创建活动广泛开展。"],
      ["h1", "存在的不足", "problems"],
      ["p", "一是深入村组调研的时间不够多，对基层情况掌握不够全面。", "problems"],
      ["p", "二是抓工作落实的力度还需加强，个别工作推进较慢。", "problems"],
      ["h1", "下一步打算", "next-steps"],
      ["sub", "持续深化理论学习", "next-steps", "measures"],
      ["p", "制定个人学习计划，坚持学用结合，不断提高运用理论指导实践的能力。"],
      ["sub", "着力提升工作质效", "next-steps", "measures"],
      ["p", "对分管工作建立任务清单，定期调度推进，确保各项工作按期完成。"],
      ["p", "以上述职，请各位领导和同志们评议。"],
      ["sign", "2024年1月18日"],
    ],
  },

  // ─── 11. results listed before the next steps, under one heading ───
  {
    name: "layout-results-then-plans-summary",
    notes:
      "专项活动总结 whose last section (取得的成效和下一步工作) lists results 一是…三是 and then, after 下一步，…：, next steps 一是…四是. Only the next steps are measures.",
    reportType: "work-summary",
    layout: { indent: "para", headings: "plain", txt: true },
    counts: [],
    missing: ["problems", "causes", "learning"],
    paras: [
      ["title", "市农业农村局“护农行动”专项活动总结"],
      ["p", "按照市委、市政府的部署，我局于今年四月至九月组织开展“护农行动”专项活动，集中整治农资市场和农产品质量安全领域的突出问题。现将活动情况总结如下。"],
      ["h1", "一、主要做法", "achievements"],
      ["p", "成立活动领导小组，制定实施方案，召开动员部署会议，组织执法人员深入乡镇开展农资市场检查和农产品质量抽检，对群众举报的线索逐一核查处理。"],
      ["h1", "二、取得的成效和下一步工作", "next-steps"],
      ["p", "通过专项活动，各项整治任务顺利完成，取得了明显成效。"],
      ["p", "一是农资市场秩序明显好转，假劣农资得到有效遏制。"],
      ["p", "二是农产品质量安全水平进一步提高，抽检合格率保持高位。"],
      ["p", "三是农民群众维权意识不断增强，主动举报线索明显增多。"],
      ["p", "下一步，我们将重点做好以下工作："],
      ["p", "一是建立农资市场常态化监管机制，定期开展部门联合检查。", "measures"],
      ["p", "二是加强农产品质量安全追溯体系建设，推动生产主体全部纳入追溯平台。", "measures"],
      ["p", "三是加大执法办案力度，严厉打击坑农害农违法行为。", "measures"],
      ["p", "四是加强宣传培训，提高农民群众识假辨假能力。", "measures"],
      ["sign", "市农业农村局"],
      ["sign", "2023年10月20日"],
    ],
  },
];

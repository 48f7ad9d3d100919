/** Inline stylesheet of the HTML report (the file must work offline, so nothing is linked). */
export const STYLE = `
:root{--problem:#ffd6d6;--problem-b:#d93025;--cause:#ffe8c2;--cause-b:#e37400;--measure:#d4f5dc;--measure-b:#188038;--count:#1a73e8;--finding:#a142f4;--muted:#5f6368}
*{box-sizing:border-box}
body{margin:0;font:14px/1.6 -apple-system,"PingFang SC","Microsoft YaHei","Noto Sans CJK SC","Source Han Sans SC",sans-serif;color:#202124;background:#f8f9fa}
header.top{background:#1f3a5f;color:#fff;padding:16px 24px}
header.top h1{margin:0;font-size:20px}
header.top .meta{opacity:.8;font-size:12px}
main{padding:16px 24px;max-width:1500px;margin:0 auto}
.totals{display:flex;gap:12px;flex-wrap:wrap;margin:8px 0 16px}
.total{background:#fff;border:1px solid #dadce0;border-radius:8px;padding:8px 16px;min-width:110px}
.total b{display:block;font-size:22px}
.total.bad b{color:var(--problem-b)}.total.good b{color:var(--measure-b)}.total.err b{color:#9334e6}
.filters{display:flex;gap:12px;flex-wrap:wrap;align-items:center;margin:8px 0}
.filters label{font-size:13px;color:var(--muted)}
select,input[type=search]{font:inherit;padding:3px 6px;border:1px solid #dadce0;border-radius:4px}
table{border-collapse:collapse;background:#fff;width:100%}
th,td{border:1px solid #e0e0e0;padding:4px 8px;text-align:left;vertical-align:top}
th{background:#f1f3f4;position:sticky;top:0}
#overview th{cursor:pointer;user-select:none;white-space:nowrap}
#overview th[data-dir=asc]::after{content:" ▲"}#overview th[data-dir=desc]::after{content:" ▼"}
td.num{text-align:right;font-variant-numeric:tabular-nums}
.badge{display:inline-block;border-radius:10px;padding:0 8px;font-size:12px;white-space:nowrap}
.badge.pass{background:#e6f4ea;color:var(--measure-b)}.badge.fail{background:#fce8e6;color:var(--problem-b)}.badge.error{background:#f3e8fd;color:#9334e6}
.badge.sev-error{background:#fce8e6;color:var(--problem-b)}.badge.sev-warning{background:#fef7e0;color:#b06000}.badge.sev-info{background:#e8f0fe;color:var(--count)}
.chip{display:inline-block;background:#f1f3f4;border-radius:4px;padding:0 4px;margin:1px;font-size:12px}
.chip.err{background:#fce8e6;color:#a50e0e;border:1px solid #f5c2bd}
.chip.warn{background:#fef7e0;color:#7a5200;border:1px dashed #f0d58a}
details.doc{background:#fff;border:1px solid #dadce0;border-radius:8px;margin:12px 0}
details.doc>summary{padding:8px 16px;cursor:pointer;list-style-position:inside}
details.doc>summary h2{display:inline;font-size:16px;margin:0 8px 0 0}
.doc-body{display:grid;grid-template-columns:minmax(280px,420px) 1fr;gap:16px;padding:0 16px 16px}
@media (max-width:900px){.doc-body{grid-template-columns:1fr}}
.side h3{font-size:14px;margin:12px 0 4px;border-bottom:1px solid #eee}
.side ul{margin:0;padding-left:18px}.side li{margin:2px 0}
.side .outline ul{padding-left:14px}
.doc-text{white-space:pre-wrap;word-break:break-all;border-left:3px solid #eee;padding:8px 12px;max-height:80vh;overflow:auto;background:#fcfcfc}
.doc-text .hl-problem{background:var(--problem);border-bottom:2px solid var(--problem-b)}
.doc-text .hl-cause{background:var(--cause);border-bottom:2px solid var(--cause-b)}
.doc-text .hl-measure{background:var(--measure);border-bottom:2px solid var(--measure-b)}
.doc-text .hl-count{color:var(--count);font-weight:600;text-decoration:underline}
.doc-text .hl-finding{outline:2px dashed var(--finding)}
.doc-text .hl-evidence{border-top:1px dotted #188038}
.doc-text .hl-heading{font-weight:700;color:#1f3a5f}
.doc-text .hl-restore{text-decoration:underline dotted #9334e6 2px;cursor:help}
.doc-text .hl-copy{text-decoration:underline wavy #b06000 1.5px;text-decoration-skip-ink:none;background-image:linear-gradient(rgba(251,188,4,.18),rgba(251,188,4,.18))}
.legend .l-copy{text-decoration:underline wavy #b06000 1.5px;background:rgba(251,188,4,.18)}
.side ul.similar li{margin:4px 0}
.legend span{margin-right:12px;padding:0 6px;border-radius:3px}
.legend .l-problem{background:var(--problem)}.legend .l-cause{background:var(--cause)}.legend .l-measure{background:var(--measure)}
.legend .l-count{color:var(--count);font-weight:600;text-decoration:underline}.legend .l-finding{outline:2px dashed var(--finding)}.legend .l-restore{text-decoration:underline dotted #9334e6 2px}
.flash{animation:flash 1.6s ease-out}
@keyframes flash{0%{box-shadow:0 0 0 4px #fbbc04}100%{box-shadow:0 0 0 0 transparent}}
a.jump{font-size:12px;margin-left:4px}
.muted{color:var(--muted)}
.errors li{margin:4px 0}
.item-text{display:-webkit-box;-webkit-line-clamp:2;-webkit-box-orient:vertical;overflow:hidden}
`;

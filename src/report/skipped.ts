/**
 * Why a path was passed over while collecting files, in Chinese: the summary,
 * the Markdown and the HTML report show it beside each skipped path, so a
 * user can tell a Word lock file (harmless) from an unreadable folder.
 */
export type SkipReason = "not-a-document" | "lock-file" | "unreadable" | "symlink-loop" | "ignored-folder" | "no-match";

export interface SkippedEntry {
  path: string;
  reason: SkipReason;
}

export const SKIP_REASON_LABELS: Record<SkipReason, string> = {
  "not-a-document": "非文档",
  "lock-file": "锁定文件或系统文件（Word、WPS、LibreOffice 打开文档时生成，或系统缩略图、目录设置），不是报告",
  unreadable: "无法读取（权限不足或链接失效）",
  "symlink-loop": "符号链接循环",
  "ignored-folder": "不检查的文件夹",
  "no-match": "通配符没有匹配到任何文件",
};

/** `path（原因）` for a list, or the bare path when its reason is unknown. */
export function describeSkipped(path: string, detail: readonly SkippedEntry[] | undefined): string {
  const hit = detail?.find((d) => d.path === path);
  return hit ? `${path}（${SKIP_REASON_LABELS[hit.reason]}）` : path;
}

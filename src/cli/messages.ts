/**
 * Commander's parse errors and help headings in Chinese, like every other
 * message of the tool. Commander 14 has no message catalogue, so its English
 * sentences are matched by shape (they are stable within a major version; an
 * unknown one is still shown, after "错误:") and rewritten.
 */
const FLAG = /'(--?[\w-]+)[^']*'/;

/** `error: …` lines from commander → Chinese, with the hints a user needs. */
export function translateCommanderError(text: string, argv: readonly string[] = []): string {
  const lines = text.replace(/\n+$/, "").split("\n");
  const out: string[] = [];
  for (const raw of lines) {
    const line = raw.replace(/^error: /, "");
    let m: RegExpExecArray | null;
    if ((m = /^option '([^']+)' argument '([^']*)' is invalid\. Allowed choices are (.+)\.$/.exec(line))) {
      out.push(`错误：选项 ${flagOf(m[1]!)} 的值“${m[2]}”无效，可选：${m[3]!.split(/,\s*/).join("、")}。`);
    } else if ((m = /^option '([^']+)' argument '([^']*)' is invalid\.\s*(.*)$/.exec(line))) {
      out.push(`错误：选项 ${flagOf(m[1]!)} 的值“${m[2]}”无效${m[3] ? `：${m[3]}` : ""}${/[。！？!?]$/.test(m[3] ?? "") ? "" : "。"}`);
    } else if ((m = /^missing required argument '([^']+)'$/.exec(line))) {
      out.push(`错误：缺少参数 ${m[1]}${m[1] === "paths" ? "（要分析的文件、文件夹或通配符）" : m[1] === "inputs" ? "（文档、文件夹或 results.jsonl）" : ""}。`);
      // `--cache reports/` takes reports/ as the cache folder (the value is optional), leaving no path.
      if (argv.includes("--cache")) out.push("提示：--cache 后面紧跟的词会被当作缓存目录。要指定目录请写成 --cache=目录；用默认目录时把 --cache 放在路径之后。");
    } else if ((m = /^option '([^']+)' argument missing$/.exec(line))) {
      out.push(`错误：选项 ${flagOf(m[1]!)} 缺少值。`);
    } else if ((m = /^unknown option '([^']+)'$/.exec(line))) {
      out.push(`错误：未知选项 ${m[1]}。`);
    } else if ((m = /^unknown command '([^']+)'$/.exec(line))) {
      out.push(`错误：未知命令 ${m[1]}（可用：analyze、stats、checklist）。`);
    } else if ((m = /^too many arguments(?: for '([^']+)')?\. Expected (\d+) arguments? but got (\d+)\.$/.exec(line))) {
      out.push(`错误：${m[1] ? `${m[1]} 的` : ""}参数过多：应为 ${m[2]} 个，实际 ${m[3]} 个。`);
    } else if ((m = /^\(Did you mean (?:one of )?(.+)\?\)$/.exec(line))) {
      out.push(`（是不是想用 ${m[1]!.split(/,\s*/).join("、")}？）`);
    } else if ((m = /^required option '([^']+)' not specified$/.exec(line))) {
      out.push(`错误：缺少必需的选项 ${flagOf(m[1]!)}。`);
    } else if (raw.startsWith("error: ")) {
      out.push(`错误：${line}`);
    } else out.push(raw);
  }
  return out.join("\n") + "\n";
}

function flagOf(flags: string): string {
  return FLAG.exec(`'${flags}'`)?.[1] ?? flags;
}

/** Help headings. */
export const HELP_TITLES: Record<string, string> = {
  "Usage:": "用法：",
  "Options:": "选项：",
  "Arguments:": "参数：",
  "Commands:": "命令：",
  "Global Options:": "全局选项：",
};

/** The slice of commander's Option that the help line reads. */
interface HelpOption {
  description: string;
  argChoices?: string[];
  defaultValue?: unknown;
  required?: boolean;
  optional?: boolean;
}

/** An option's help line with its choices and default in Chinese (commander writes "(choices: …, default: …)"). */
export function optionDescription(option: HelpOption): string {
  const extra: string[] = [];
  if (option.argChoices) extra.push(`可选：${option.argChoices.join("、")}`);
  if (option.defaultValue !== undefined && (option.required || option.optional)) extra.push(`默认：${String(option.defaultValue)}`);
  if (!extra.length) return option.description;
  // Descriptions that already name their default keep it once.
  if (/默认/.test(option.description)) return `${option.description}（${extra.filter((e) => !e.startsWith("默认")).join("；")}）`.replace(/（）$/, "");
  return `${option.description}（${extra.join("；")}）`;
}

/**
 * Error codes of the output contract (shared/spec/output.md) and the single
 * catalogue of their Chinese messages. Every message says what happened and
 * what the user can do about it.
 */
export const ERROR_CODES = [
  "UNSUPPORTED_FORMAT",
  "READ_FAILED",
  "EMPTY",
  "TOO_LARGE",
  "DOCX_CORRUPT",
  "DOC_LEGACY",
  "PDF_CORRUPT",
  "PDF_ENCRYPTED",
  "PDF_NO_TEXT",
  "TEXT_GARBLED",
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/**
 * Message variants: the spec has no code of its own for a time-out or a zip
 * bomb, so they are reported as TOO_LARGE with a message that says which limit.
 */
export type MessageKey =
  | ErrorCode
  | "TOO_LARGE_TIME"
  | "TOO_LARGE_UNPACKED"
  | "TOO_LARGE_MEMORY"
  // Batches run through a queue (src/queue/): the document's job ended without a result.
  | "READ_FAILED_WORKER_LOST"
  | "READ_FAILED_WORKER_VERSION"
  | "READ_FAILED_QUEUE"
  // --ocr: the tesseract worker thread stopped or failed while reading a page.
  | "READ_FAILED_OCR"
  // A large document's own child process (src/batch/isolated.ts) ended without a result.
  | "READ_FAILED_CHILD";

const MESSAGES: Record<MessageKey, string> = {
  UNSUPPORTED_FORMAT: "不支持此文件格式。请另存为 DOCX、PDF、DOC 或 TXT（UTF-8）后重试。",
  READ_FAILED: "无法读取文件（文件不存在、无读取权限或已被移动）。请检查路径和权限后重试。",
  EMPTY: "文件为空或没有可读取的文字。请确认上传的是完整的报告文件。",
  TOO_LARGE: "文件超过大小上限，已跳过。请拆分文件，或用 --max-bytes 调高上限后重试。",
  DOCX_CORRUPT: "DOCX 文件已损坏或不完整（可能是下载中断）。请用 Word/WPS 打开后重新另存为 DOCX，或重新获取原文件。",
  DOC_LEGACY: "无法读取旧版 Word（.doc/.wps）文件。请用 Word 或 WPS 打开后另存为 DOCX，或执行 `libreoffice --headless --convert-to docx 文件名`。",
  PDF_CORRUPT: "PDF 文件已损坏或不完整。请重新导出或重新获取原文件。",
  PDF_ENCRYPTED: "PDF 文件有打开密码，无法读取。请向报送单位索取未加密的版本，或解密后重试。",
  PDF_NO_TEXT: "PDF 没有文字层（可能是扫描件）。请加 --ocr 参数重新运行以识别文字，或索取可复制文字的电子版。",
  TEXT_GARBLED: "PDF 的文字层无法正确解码（字体缺少 Unicode 映射，提取出的是乱码）。请索取原始 Word 文件，或加 --ocr 参数按图像识别。",
  TOO_LARGE_TIME: "处理超时（文件可能异常复杂或已损坏），已跳过。请检查该文件，或用 --timeout 调高单个文件的时限后重试。",
  TOO_LARGE_UNPACKED: "DOCX 解压后的内容异常庞大（可能是压缩炸弹），已跳过。请确认文件来源，或用 Word 重新另存后重试。",
  TOO_LARGE_MEMORY: "分析该文件所需内存超过单个工作线程的上限（文件可能异常庞大或已损坏），已跳过。请检查该文件，或拆分后重试；确需分析时可用 --max-memory 调高上限。",
  READ_FAILED_WORKER_LOST: "分析该文件时，处理它的工作机进程多次意外退出（文件可能触发了程序缺陷或耗尽了工作机内存），已达到尝试次数上限并跳过，以免拖垮其他工作机。请在一台机器上单独运行 report-check analyze 检查该文件，或检查工作机日志。",
  READ_FAILED_WORKER_VERSION: "工作机上的 report-check 版本与发起分析的机器不同，未分析该文件（不同版本的结果不能混在一批中）。请在所有工作机上安装同一版本后重新运行。",
  READ_FAILED_CHILD: "分析该文件的独立进程意外退出（文件可能异常或触发了程序缺陷），已跳过。请单独重试该文件。",
  READ_FAILED_OCR: "文字识别（OCR）引擎在识别扫描页时意外停止，该文件未能识别。请单独重试该文件；如反复出现，请把 PDF 拆成较少页数的几份，或提供可复制文字的电子版。",
  READ_FAILED_QUEUE: "工作机处理该文件的任务失败，未得到结果。请查看工作机日志；重新运行同一命令会再次尝试。",
};

export function errorMessage(key: MessageKey): string {
  return MESSAGES[key];
}

/** Builds the `{ code, message, detail }` of a failed document. */
export function docError(code: ErrorCode, detail?: string, variant?: MessageKey): { code: ErrorCode; message: string; detail?: string } {
  return { code, message: MESSAGES[variant ?? code], ...(detail ? { detail } : {}) };
}

/** A failure that a reader returns as a result (never thrown across a stage boundary). */
export class ReportCheckError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly detail?: string,
    readonly variant?: MessageKey,
  ) {
    super(`${code}: ${MESSAGES[variant ?? code]}${detail ? ` (${detail})` : ""}`);
    this.name = "ReportCheckError";
  }
}

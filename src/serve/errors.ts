/**
 * The web server's error codes and their Chinese messages (one catalogue, like
 * model/errors.ts for documents). A request that fails answers
 * `{ "error": { "code", "message" } }` with the status below — never a stack
 * trace, never a file-system path. Document failures are not here: a document
 * that cannot be read is a result (`status: "error"`), the batch goes on.
 */
export const SERVE_ERRORS = {
  UNAUTHORIZED: { status: 401, message: "需要访问令牌。请在页面上输入管理员提供的令牌，或在请求头中加入 Authorization: Bearer <令牌>。" },
  HOST_NOT_ALLOWED: { status: 403, message: "拒绝访问：请求的主机名不是本机地址。未设置令牌的服务只接受 127.0.0.1、localhost 或 [::1] 的访问；需要在网络上共享时请用 --token 启动。" },
  CROSS_ORIGIN: { status: 403, message: "拒绝跨站请求：上传和删除只能在本服务自己的页面上操作。请直接打开本服务的地址后重试。" },
  NOT_FOUND: { status: 404, message: "找不到请求的内容（批次可能已被删除）。请返回首页刷新列表。" },
  BAD_REQUEST: { status: 400, message: "请求格式不正确。请检查请求参数后重试。" },
  MULTIPART_INVALID: { status: 400, message: "上传内容不是有效的 multipart/form-data（可能上传中断或格式损坏）。请重新上传，文件放在字段 files 中。" },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, message: "不支持的请求类型。上传文件请使用 multipart/form-data，字段名为 files。" },
  NO_FILES: { status: 400, message: "没有收到可分析的文档。请上传 DOCX、PDF、DOC、TXT 或 HTML 文件（可放在文件夹或 .zip 压缩包中），字段名为 files。" },
  FILE_TOO_LARGE: { status: 413, message: "文件超过单个文件的大小上限，整批已拒绝。请拆分该文件，或请管理员用 --max-bytes 调高上限。" },
  BATCH_TOO_MANY_FILES: { status: 413, message: "一批上传的文件数超过上限，整批已拒绝。请分成几批上传，或请管理员用 --max-files 调高上限。" },
  BATCH_TOO_LARGE: { status: 413, message: "一批上传的总大小超过上限，整批已拒绝。请分成几批上传，或请管理员用 --max-batch-bytes 调高上限。" },
  ZIP_UNSAFE_PATH: { status: 400, message: "压缩包中含有不安全的路径（以 / 开头、含盘符或 .. 的条目），可能是恶意文件，整个压缩包已拒绝。请重新打包后上传。" },
  ZIP_TOO_LARGE: { status: 413, message: "压缩包解压后过大或条目过多（可能是压缩炸弹），整个压缩包已拒绝。请确认文件来源，或分成几个较小的压缩包上传。" },
  ZIP_CORRUPT: { status: 400, message: "压缩包已损坏、不完整或已加密，无法解压。请重新打包（不加密码）后上传。" },
  QUEUE_FULL: { status: 503, message: "服务器正忙：等待分析的文档已达上限。请稍后（见 Retry-After）再上传。" },
  INTERNAL: { status: 500, message: "服务器内部错误，本次请求未完成。请稍后重试；如反复出现，请联系管理员查看服务日志。" },
} as const satisfies Record<string, { status: number; message: string }>;

export type ServeErrorCode = keyof typeof SERVE_ERRORS;

/** A refused request: its code picks the status and the message; `detail` names the file or limit. */
export class ServeError extends Error {
  readonly status: number;
  constructor(
    readonly code: ServeErrorCode,
    readonly detail?: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(SERVE_ERRORS[code].message);
    this.name = "ServeError";
    this.status = SERVE_ERRORS[code].status;
  }
}

export interface ErrorBody {
  error: { code: ServeErrorCode; message: string; detail?: string };
}

export function errorBody(e: ServeError): ErrorBody {
  return { error: { code: e.code, message: e.message, ...(e.detail ? { detail: e.detail } : {}) } };
}

// OfficeExtension.Error -> HostError: the error code decides the kind, the message
// is Chinese and tells the user what to do. Duck-typed on `code`, so it needs no
// Office global (and works on the test fake's errors).

import { HostError, type HostErrorKind } from './host';

export const HOST_MESSAGES: Record<Exclude<HostErrorKind, 'other'>, string> = {
  protected: '工作表受保护，无法写入标记。请先撤销工作表保护（审阅 > 撤销工作表保护）后重试。',
  switched: '工作簿已更改或切换，请重新检查。',
  too_large: '工作簿的数据量超出了 Excel 单次读写的限制，无法完成操作。请删除与自评无关的大工作表或数据后重试。',
  busy: 'Excel 正忙（可能正在编辑单元格），请按 Enter 结束编辑后重试。',
  unsupported: '当前版本的 Excel 不支持此操作，请更新 Office 后重试。',
};

const SIZE_CODES = new Set([
  'RequestPayloadSizeLimitExceeded',
  'ResponsePayloadSizeLimitExceeded',
  'PayloadTooLarge',
  'RangeExceedsLimit',
  'OperationCellsExceedLimit',
  'MemoryLimitReached',
]);
const SWITCHED_CODES = new Set(['ItemNotFound', 'InvalidReference', 'InactiveWorkbook', 'ItemDeleted']);
const BUSY_CODES = new Set(['InvalidOperationInCellEditMode', 'Busy', 'ActivityLimitReached']);
const UNSUPPORTED_CODES = new Set(['ApiNotFound', 'NotImplemented', 'UnsupportedFeature', 'UnsupportedOperation', 'ApiNotAvailable']);

function codeOf(e: unknown): string {
  if (e && typeof e === 'object') {
    const c = (e as { code?: unknown }).code;
    if (typeof c === 'string') return c;
  }
  return '';
}

function messageOf(e: unknown): string {
  if (e && typeof e === 'object' && typeof (e as { message?: unknown }).message === 'string') return (e as { message: string }).message;
  return String(e);
}

/** A failure caused by the size of a request or response (read it again in smaller pieces). */
export function isSizeError(e: unknown): boolean {
  return SIZE_CODES.has(codeOf(e));
}

/** A protected sheet refused a write. */
export function isProtectionError(e: unknown): boolean {
  const code = codeOf(e);
  if (code === 'AccessDenied') return true;
  return code === 'InvalidOperation' && /protect|受保护/i.test(messageOf(e));
}

export function hostErrorKind(e: unknown): HostErrorKind {
  if (e instanceof HostError) return e.kind;
  const code = codeOf(e);
  if (isProtectionError(e)) return 'protected';
  if (SIZE_CODES.has(code)) return 'too_large';
  if (SWITCHED_CODES.has(code)) return 'switched';
  if (BUSY_CODES.has(code)) return 'busy';
  if (UNSUPPORTED_CODES.has(code)) return 'unsupported';
  return 'other';
}

/** Any error thrown inside Excel.run as a HostError with a Chinese message. */
export function toHostError(e: unknown): HostError {
  if (e instanceof HostError) return e;
  const kind = hostErrorKind(e);
  if (kind === 'other') {
    const code = codeOf(e);
    const msg = messageOf(e);
    return new HostError('other', `与 Excel 交互时出错：${msg}${code && !msg.includes(code) ? `（${code}）` : ''}`);
  }
  return new HostError(kind, HOST_MESSAGES[kind]);
}

// Words more than one feature shows.
import type { MessageTable } from './messageTable';

export const COMMON_MESSAGES = {
  'common.loading': { zh: '加载中…', en: 'Loading…' },
  'common.error': { zh: '出错了', en: 'Something went wrong' },
  'job.queued': { zh: '排队中（等待空闲的计算线程）', en: 'Queued (waiting for a free worker)' },
  'table.province': { zh: '省份', en: 'Province' },
} satisfies MessageTable;

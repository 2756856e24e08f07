// The shell: title, role navigation, language switch, status bar.
import type { MessageTable } from '../i18n/messageTable';

export const APP_MESSAGES = {
  'app.title': { zh: '服务版图', en: 'Service Atlas' },
  'app.subtitle': { zh: 'Service Atlas · 售后服务网络', en: 'After-sales service network' },
  'nav.dispatch': { zh: '区域调度', en: 'Dispatch' },
  'nav.network': { zh: '网络规划', en: 'Network planning' },
  'nav.profit': { zh: '利润分析', en: 'Profit' },
  'lang.switch': { zh: 'English', en: '中文' },
  'status.database': { zh: '数据库', en: 'Database' },
  'status.demoDay': { zh: '演示数据日期', en: 'Demo data day' },
  'status.transport.ipc': { zh: '桌面版', en: 'Desktop' },
  'status.transport.http': { zh: '浏览器模式', en: 'Browser mode' },
  'nav.data': { zh: '数据管理', en: 'Data' },
} satisfies MessageTable;

/**
 * 界面的简体中文消息。键与 en.ts 一一对应（类型保证：缺键或多键都是类型检查错误）。
 * Terms follow Chinese structured-finance usage (资产池, 优先级/中间级/次级, 加权平均期限, 兑付日…).
 */
import type { MessageKey } from './en.ts';

export const zhCN: Readonly<Record<MessageKey, string>> = {
  // app frame
  'app.productName': 'ABS 结构化工作台',
  'app.workspace': '工作区',
  'app.workspaceTitle': '工作区文件——点击打开其他工作区',
  'app.noWorkspace': '未打开',
  'app.areas': '功能区',
  'app.language': '语言',
  'nav.tapes': '资产清单',
  'nav.tapes.summary': '导入资产清单（CSV/XLSX），查看被拒行',
  'nav.pool': '资产池',
  'nav.pool.summary': '资产池概况与分层统计',
  'nav.assumptions': '假设',
  'nav.assumptions.summary': '按细分的早偿、违约、逾期与回收曲线',
  'nav.deal': '交易',
  'nav.deal.summary': '证券、费用、储备账户、触发事件、循环购买期与支付顺序',
  'nav.results': '结果',
  'nav.results.summary': '资产池与各档证券现金流、加权平均期限、收益率、损失、储备提取、触发事件',
  'nav.runs': '运行记录',
  'nav.runs.summary': '本工作区保存的运行：重新打开、重命名、删除',
  'nav.compare': '比较',
  'nav.compare.summary': '情景并列比较、盈亏平衡与敏感性网格',
  'nav.reports': '报告',
  'nav.reports.summary': '面向投资者的 Excel 分档报告',
  'nav.workspace': '工作区',
  'nav.workspace.summary': '工作区文件：打开、新建、详情',
  // status bar
  'status.working': '处理中：{calls}',
  'status.ready': '就绪',
  'status.schema': '数据库版本 v{version}',
  'status.desktop': '桌面版',
  'status.browser': '浏览器（本地 HTTP）',
  // units
  'unit.months': '{months} 个月',
};

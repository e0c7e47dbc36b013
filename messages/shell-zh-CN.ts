/**
 * 桌面外壳（electron/main.ts）自己的文字：应用菜单、主进程打开的原生对话框与错误框。
 * Menu words follow the Chinese macOS / Windows menus (撤销, 剪切, 全选, 实际大小, 前置全部窗口…).
 */
import type { ShellMessageKey } from './shell-en.ts';

export const shellZhCN: Readonly<Record<ShellMessageKey, string>> = {
  'shell.appName': 'ABS 结构化工作台',
  // 文件
  'shell.menu.file': '文件',
  'shell.menu.newWorkspace': '新建工作区…',
  'shell.menu.openWorkspace': '打开工作区…',
  'shell.menu.closeWindow': '关闭窗口',
  'shell.menu.quit': '退出',
  'shell.menu.exit': '退出',
  // 编辑
  'shell.menu.edit': '编辑',
  'shell.menu.undo': '撤销',
  'shell.menu.redo': '重做',
  'shell.menu.cut': '剪切',
  'shell.menu.copy': '复制',
  'shell.menu.paste': '粘贴',
  'shell.menu.pasteAndMatchStyle': '粘贴并匹配样式',
  'shell.menu.delete': '删除',
  'shell.menu.selectAll': '全选',
  'shell.menu.speech': '语音',
  'shell.menu.startSpeaking': '开始朗读',
  'shell.menu.stopSpeaking': '停止朗读',
  // 视图
  'shell.menu.view': '视图',
  'shell.menu.reload': '重新加载',
  'shell.menu.toggleDevTools': '切换开发者工具',
  'shell.menu.resetZoom': '实际大小',
  'shell.menu.zoomIn': '放大',
  'shell.menu.zoomOut': '缩小',
  'shell.menu.togglefullscreen': '切换全屏',
  // 窗口
  'shell.menu.window': '窗口',
  'shell.menu.minimize': '最小化',
  'shell.menu.zoom': '缩放',
  'shell.menu.front': '前置全部窗口',
  // 帮助与 macOS 应用菜单
  'shell.menu.help': '帮助',
  'shell.menu.about': '关于 {app}',
  'shell.menu.services': '服务',
  'shell.menu.hide': '隐藏 {app}',
  'shell.menu.hideOthers': '隐藏其他',
  'shell.menu.unhide': '全部显示',
  'shell.menu.quitApp': '退出 {app}',
  // 主进程的原生对话框与错误框
  'shell.dialog.savePackPdf': '将投资者路演材料另存为 PDF',
  'shell.dialog.pdfFilter': 'PDF 文档',
  'shell.dialog.leave.title': '未保存的修改',
  'shell.dialog.leave.message': '离开此页面？未保存的修改将会丢失。',
  'shell.dialog.leave.detail': '假设集、情景集或交易结构中有尚未保存的修改。',
  'shell.dialog.leave.leave': '离开',
  'shell.dialog.leave.stay': '留下',
  'shell.error.defaultWorkspace': '无法打开默认工作区',
  'shell.error.cannotStart': '{app}无法启动',
};

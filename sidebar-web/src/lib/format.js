// zh-CN wording and formatting shared by the screens.

const MINUTE = 60 * 1000
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR

const pad = (n) => String(n).padStart(2, '0')

/** "刚刚", "5分钟前", "3小时前", "昨天 14:20", "3天前", "11月2日", "2024年11月2日". */
export function relativeTime(iso, now = Date.now()) {
  if (!iso) return ''
  const t = new Date(iso)
  const diff = now - t.getTime()
  if (diff < MINUTE) return '刚刚'
  if (diff < HOUR) return `${Math.floor(diff / MINUTE)}分钟前`
  const today = new Date(now)
  today.setHours(0, 0, 0, 0)
  if (t >= today) return `${Math.floor(diff / HOUR)}小时前`
  if (t >= new Date(today.getTime() - DAY)) return `昨天 ${pad(t.getHours())}:${pad(t.getMinutes())}`
  if (diff < 7 * DAY) return `${Math.ceil((today - t) / DAY)}天前`
  if (t.getFullYear() === today.getFullYear()) return `${t.getMonth() + 1}月${t.getDate()}日`
  return `${t.getFullYear()}年${t.getMonth() + 1}月${t.getDate()}日`
}

export function dateTime(iso) {
  if (!iso) return ''
  const t = new Date(iso)
  return `${t.getFullYear()}-${pad(t.getMonth() + 1)}-${pad(t.getDate())} ${pad(t.getHours())}:${pad(t.getMinutes())}`
}

export function date(iso) {
  if (!iso) return ''
  const t = new Date(iso)
  return `${t.getFullYear()}-${pad(t.getMonth() + 1)}-${pad(t.getDate())}`
}

export function money(amount) {
  if (amount === null || amount === undefined || amount === '') return '未填写'
  const n = Number(amount)
  if (n >= 10000) return `¥${(n / 10000).toFixed(n % 10000 === 0 ? 0 : 1)}万`
  return `¥${n.toLocaleString('zh-CN')}`
}

export function percent(p) {
  if (p === null || p === undefined) return '—'
  return `${Math.round(p * 100)}%`
}

export const LIFECYCLE = {
  LEAD: '线索',
  PROSPECT: '潜在客户',
  OPPORTUNITY: '商机客户',
  CUSTOMER: '成交客户',
  CHURNED: '已流失',
}

export const CHANNEL = {
  OA_QR: '公众号二维码',
  WECOM_QR: '企业微信活码',
  WEB_FORM: '网页表单',
  IMPORT: '导入',
  MANUAL: '手动录入',
}

export const ACTION_KIND = { MESSAGE: '发消息', TASK: '建任务', ALERT: '提醒' }

/** Icon (Vant icon font) and colour per timeline event type. */
export const EVENT_ICON = {
  SCAN: ['scan', '#1989fa'],
  SUBSCRIBE: ['star-o', '#1989fa'],
  UNSUBSCRIBE: ['delete-o', '#969799'],
  MENU_CLICK: ['apps-o', '#1989fa'],
  PAGE_VIEW: ['eye-o', '#1989fa'],
  FORM_SUBMITTED: ['records-o', '#07c160'],
  ADDED_WECOM: ['friends-o', '#07c160'],
  DELETED_BY_CUSTOMER: ['warning-o', '#ee0a24'],
  REP_DELETED_CUSTOMER: ['warning-o', '#ee0a24'],
  CHAT: ['chat-o', '#07c160'],
  VIEWED_QUOTE: ['balance-list-o', '#ff976a'],
  DOWNLOADED_MATERIAL: ['description-o', '#ff976a'],
  NOTE: ['edit', '#646566'],
  CALL: ['phone-o', '#646566'],
  MESSAGE_SENT: ['guide-o', '#7232dd'],
  TASK_DONE: ['passed', '#07c160'],
  ACTION_CONFIRMED: ['success', '#7232dd'],
  ACTION_DISMISSED: ['close', '#969799'],
  STAGE_CHANGED: ['exchange', '#ff976a'],
  DEAL_WON: ['medal-o', '#07c160'],
  DEAL_LOST: ['warning-o', '#ee0a24'],
  IMPORTED: ['down', '#969799'],
}

export const GRADE_COLOR = { A: '#ee0a24', B: '#ff976a', C: '#1989fa' }

export const DISMISS_REASONS = ['时机不合适', '已通过其他方式跟进', '客户不需要', '内容不合适']

/** When a new task is due, as quick choices. */
export const DUE_CHOICES = [
  { label: '今天', days: 0 },
  { label: '明天', days: 1 },
  { label: '3天后', days: 3 },
  { label: '一周后', days: 7 },
]

export function dueAt(days) {
  const d = new Date()
  d.setDate(d.getDate() + days)
  d.setHours(18, 0, 0, 0)
  return d.toISOString()
}

// The sidebar's state and every operation the rep can start from it. Each operation holds a busy key while its
// requests run, so a second tap on the same button does nothing (the server is idempotent as well).
import { reactive } from 'vue'
import { api, ApiError, requestId } from './api.js'
import { chooseBridge, wantsWeCom } from '../bridge/index.js'

const PENDING_KEY = 'qingke.pendingExecuted'

export const store = reactive({
  status: 'loading', // loading | ready | pick | error | outside
  error: null, // { kind, message }
  bridge: null,
  settings: null,
  data: null,
  loadingOlder: false,
  busy: {},
  tab: 'customer',
})

const isBusy = (key) => !!store.busy[key]
async function withBusy(key, fn) {
  if (isBusy(key)) return undefined
  store.busy[key] = true
  try {
    return await fn()
  } finally {
    delete store.busy[key]
  }
}
export { isBusy }

function fail(e) {
  const err = e instanceof ApiError ? e : new ApiError('client', (e && e.message) || '出错了，请重试')
  store.error = { kind: err.kind, message: err.message }
  store.status = 'error'
}

/** Reports of sent messages that did not reach the server (network dropped after sending): retried on next load. */
function pendingReports() {
  try {
    return JSON.parse(window.localStorage.getItem(PENDING_KEY) || '[]')
  } catch {
    return []
  }
}
function savePending(list) {
  try {
    window.localStorage.setItem(PENDING_KEY, JSON.stringify(list))
  } catch {
    // storage unavailable: the report is retried only within this page
  }
}
async function flushPendingReports() {
  const list = pendingReports()
  if (!list.length) return
  const left = []
  for (const p of list) {
    try {
      await api.actionExecuted(p.actionId, p.report)
    } catch (e) {
      if (e.kind === 'network' || e.kind === 'timeout' || e.kind === 'server') left.push(p)
    }
  }
  savePending(left)
}

/** Starts the page: settings and bridge, then the customer of the open chat. */
export async function start() {
  const params = new URLSearchParams(window.location.search)
  const early = !wantsWeCom() && params.get('customer')
  // outside WeCom the customer is in the URL: fetch it while the settings arrive
  const firstScreen = early ? api.sidebar(params.get('customer')).catch((e) => e) : null
  try {
    store.settings = await api.settings()
    store.bridge = await chooseBridge(store.settings)
    if (!store.bridge) {
      store.status = 'outside'
      return
    }
    await store.bridge.init()
    store.bridge.onContactChange(() => openCurrent())
    flushPendingReports()
    await openCurrent(firstScreen)
  } catch (e) {
    fail(e)
  }
}

async function openCurrent(prefetched) {
  store.status = 'loading'
  store.error = null
  try {
    const contact = await store.bridge.currentContact()
    if (!contact) {
      store.status = 'pick'
      return
    }
    let data
    if (contact.customerId) {
      data = prefetched ? await prefetched : await api.sidebar(contact.customerId)
      if (data instanceof Error) throw data
    } else {
      data = await byExternalUser(contact.externalUserId)
    }
    show(data)
  } catch (e) {
    fail(e)
  }
}

async function byExternalUser(externalUserId) {
  try {
    return await api.sidebarByExternalUser(externalUserId)
  } catch (e) {
    if (e.kind !== 'notFound') throw e
    // first time this contact is seen: WeCom files the customer, then the sidebar opens it
    const customer = await api.wecomCustomer(externalUserId)
    return api.sidebar(customer.id)
  }
}

let analysisRetry = null
function show(data) {
  store.data = data
  store.status = 'ready'
  if (store.bridge && store.bridge.setCustomerName) store.bridge.setCustomerName(data.customer.name)
  // a customer never analysed was just queued for analysis: look again once it has had time to run
  clearTimeout(analysisRetry)
  if (!data.customer.analysedAt && !data.analysisRetried) {
    analysisRetry = setTimeout(async () => {
      if (!store.data || store.data.customer.id !== data.customer.id) return
      try {
        const again = await api.sidebar(data.customer.id)
        again.analysisRetried = true
        if (store.data && store.data.customer.id === again.customer.id) show(again)
      } catch {
        // the next action reloads anyway
      }
    }, 3000)
  }
}

export async function reload() {
  if (!store.data) return openCurrent()
  const selected = store.data.opportunity && store.data.opportunity.id
  try {
    const data = await api.sidebar(store.data.customer.id)
    // keep the opportunity the rep is looking at, when it is not the main one
    if (selected && data.opportunity && data.opportunity.id !== selected && data.opportunities.some((o) => o.id === selected)) {
      data.opportunity = await api.opportunity(selected)
    }
    show(data)
  } catch (e) {
    fail(e)
  }
}

export function retry() {
  return store.bridge ? openCurrent() : start()
}

export async function loadOlderEvents() {
  const d = store.data
  if (!d || !d.moreEvents || store.loadingOlder || !d.events.length) return
  store.loadingOlder = true
  try {
    const last = d.events[d.events.length - 1]
    const page = await api.olderEvents(d.customer.id, last.id, store.settings ? store.settings.eventPageSize : 50)
    d.events.push(...page.events)
    d.moreEvents = page.more
  } finally {
    store.loadingOlder = false
  }
}

function newsOf(link, finalText) {
  const desc = (finalText || link.description || '').replace(link.url, '').trim()
  return { link: link.url, title: link.title, desc: desc.slice(0, 120), imgUrl: link.coverUrl || '' }
}

/**
 * The rep confirms an action, optionally edited (a MESSAGE's text, a TASK's title). MESSAGE: the server returns the final text (and a tracked
 * link for a material), the bridge puts it into the chat, and the result is reported back. TASK/ALERT: the server
 * creates the task or records the acknowledgement. Returns a short result for a toast.
 */
export function confirmAction(action, edited) {
  return withBusy(`action:${action.id}`, async () => {
    const value = edited && edited.trim()
    let edits = {}
    if (value && action.kind === 'TASK') edits = { taskTitle: value }
    else if (value && value !== (action.draftText || '').trim()) edits = { text: value }
    const result = await api.confirmAction(action.id, edits)
    if (action.kind !== 'MESSAGE') {
      await reload()
      return result.task ? `已创建任务「${result.task.title}」` : '已处理'
    }
    try {
      if (result.link) await store.bridge.sendNews(newsOf(result.link, result.finalText))
      else await store.bridge.sendText(result.finalText)
    } catch (e) {
      await api.actionExecuted(action.id, { channel: 'CHAT', failed: true, detail: (e.message || '').slice(0, 200) }).catch(() => {})
      await reload()
      throw e
    }
    const report = { channel: 'CHAT', failed: false }
    savePending([...pendingReports(), { actionId: action.id, report }])
    await api.actionExecuted(action.id, report)
    savePending(pendingReports().filter((p) => p.actionId !== action.id))
    await reload()
    return '消息已发送'
  })
}

export function dismissAction(action, reason) {
  return withBusy(`action:${action.id}`, async () => {
    await api.dismissAction(action.id, reason)
    await reload()
    return '已忽略'
  })
}

export function saveTags(tags) {
  return withBusy('tags', async () => {
    const customer = await api.replaceTags(store.data.customer.id, tags)
    store.data.customer = customer
    return '标签已保存，将同步到企业微信'
  })
}

export function createTask(task) {
  return withBusy('task', async () => {
    const created = await api.createTask(store.data.customer.id, task)
    await reload()
    return `已创建任务「${created.title}」`
  })
}

export function completeTask(task, outcome) {
  return withBusy(`task:${task.id}`, async () => {
    await api.completeTask(task.id, outcome)
    await reload()
    return '任务已完成'
  })
}

export function logNote(kind, text, durationMinutes, key = requestId()) {
  return withBusy('note', async () => {
    await api.logNote(store.data.customer.id, { kind, text, durationMinutes: durationMinutes || null, requestId: key })
    await reload()
    return kind === 'CALL' ? '通话已记录' : '备注已记录'
  })
}

export function changeStage(opportunity, stage, reason) {
  return withBusy(`stage:${opportunity.id}`, async () => {
    const updated = await api.changeStage(opportunity.id, stage, reason || null)
    store.data.opportunity = updated
    // actions, events and the customer's scores changed with the analysis
    await reload()
    return `阶段已变更为「${updated.stageLabel}」`
  })
}

export function markContact(opportunity, contact, reached) {
  return withBusy(`contact:${contact.id}`, async () => {
    store.data.opportunity = await api.markContact(opportunity.id, contact.id, reached)
    await reload()
    return reached ? `已标记${contact.name}为已触达` : '已更新'
  })
}

export async function openOpportunity(id) {
  return withBusy(`opp:${id}`, async () => {
    store.data.opportunity = await api.opportunity(id)
  })
}

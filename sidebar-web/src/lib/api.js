// A small fetch client for the Qingke API: same-origin, session cookie, JSON in and out, and every failure turned
// into an ApiError whose message is plain Chinese the rep can act on.

const SIGN_IN_REQUIRED = 'urn:qingke:problem:sign-in-required'
const TIMEOUT_MS = 15000

export class ApiError extends Error {
  /**
   * @param {string} kind network | timeout | signIn | forbidden | notFound | conflict | invalid | server
   * @param {string} message what to show the rep
   * @param {number} status HTTP status (0 when the server was not reached)
   */
  constructor(kind, message, status = 0, problem = null) {
    super(message)
    this.kind = kind
    this.status = status
    this.problem = problem
  }
}

function messageFor(status, problem, what) {
  const detail = problem && problem.detail
  switch (status) {
    case 400: {
      const v = problem && problem.violations
      if (v && v.length) return v.map((x) => x.message).join('；')
      return detail || '提交的内容有误，请检查后重试'
    }
    case 401: return '登录已过期，请重新登录'
    case 403: return what === 'customer' ? '该客户不是您跟进的客户，无权查看' : (detail || '您没有权限进行此操作')
    case 404: return what === 'customer' ? '未找到该客户，可能已被删除或合并' : (detail || '记录不存在或已被删除')
    case 409: return detail || '数据已变化，请刷新后重试'
    case 413: return '内容过长，请精简后重试'
    case 429: return '操作太频繁，请稍后再试'
    default:
      return status >= 500 ? '服务暂时不可用，请稍后重试' : (detail || `请求失败（${status}）`)
  }
}

function kindFor(status, problem) {
  if (status === 401 || (problem && problem.type === SIGN_IN_REQUIRED)) return 'signIn'
  if (status === 403) return 'forbidden'
  if (status === 404) return 'notFound'
  if (status === 409) return 'conflict'
  if (status >= 400 && status < 500) return 'invalid'
  return 'server'
}

/**
 * @param {string} path e.g. '/api/sidebar/customers/1'
 * @param {{method?: string, body?: any, what?: string}} options what = 'customer' words 403/404 for a customer
 */
export async function request(path, { method = 'GET', body, what } = {}) {
  const controller = new AbortController()
  const timer = setTimeout(() => controller.abort(), TIMEOUT_MS)
  let res
  try {
    res = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers: body === undefined ? { Accept: 'application/json' } : { Accept: 'application/json', 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: controller.signal,
    })
  } catch (e) {
    if (e && e.name === 'AbortError') throw new ApiError('timeout', '网络较慢，请求超时，请稍后重试')
    throw new ApiError('network', '网络连接失败，请检查网络后重试')
  } finally {
    clearTimeout(timer)
  }
  const text = await res.text()
  let data = null
  if (text) {
    try {
      data = JSON.parse(text)
    } catch {
      data = null
    }
  }
  if (!res.ok) {
    throw new ApiError(kindFor(res.status, data), messageFor(res.status, data, what), res.status, data)
  }
  return data
}

export const api = {
  settings: () => request('/api/sidebar/settings'),
  me: () => request('/api/me'),
  sidebar: (customerId) => request(`/api/sidebar/customers/${encodeURIComponent(customerId)}`, { what: 'customer' }),
  sidebarByExternalUser: (externalUserId) =>
    request(`/api/sidebar/by-external-user/${encodeURIComponent(externalUserId)}`, { what: 'customer' }),
  // first contact with an unknown external user: the WeCom integration fetches and files the customer
  wecomCustomer: (externalUserId) =>
    request(`/api/wecom/external-contacts/${encodeURIComponent(externalUserId)}/customer`, { what: 'customer' }),
  jsSdkSignatures: (url) => request(`/api/wecom/jssdk?url=${encodeURIComponent(url)}`),
  olderEvents: (customerId, beforeEventId, limit = 50) =>
    request(`/api/sidebar/customers/${customerId}/events?before=${beforeEventId}&limit=${limit}`),
  myCustomers: (q) => request(`/api/sidebar/my-customers${q ? `?q=${encodeURIComponent(q)}` : ''}`),
  replaceTags: (customerId, tags) => request(`/api/customers/${customerId}/tags`, { method: 'PUT', body: { tags } }),
  confirmAction: (id, edits) => request(`/api/actions/${id}/confirm`, { method: 'POST', body: edits || {} }),
  actionExecuted: (id, report) => request(`/api/actions/${id}/executed`, { method: 'POST', body: report || {} }),
  dismissAction: (id, reason) => request(`/api/actions/${id}/dismiss`, { method: 'POST', body: { reason } }),
  createTask: (customerId, task) => request(`/api/customers/${customerId}/tasks`, { method: 'POST', body: task }),
  completeTask: (taskId, outcome) => request(`/api/tasks/${taskId}/complete`, { method: 'POST', body: { outcome } }),
  logNote: (customerId, note) => request(`/api/customers/${customerId}/notes`, { method: 'POST', body: note }),
  opportunity: (id) => request(`/api/opportunities/${id}`),
  changeStage: (id, stage, reason) => request(`/api/opportunities/${id}/stage`, { method: 'POST', body: { stage, reason } }),
  markContact: (id, contactId, reached) =>
    request(`/api/opportunities/${id}/contacts/${contactId}/reached`, { method: 'PUT', body: { reached } }),
}

/** Where to send the rep to sign in again through WeCom OAuth, coming back to this very page. */
export function signInUrl() {
  const back = window.location.pathname + window.location.search
  return `/auth/wecom?redirect=${encodeURIComponent(back)}`
}

/** A key per submitted form, so a repeated submit is recorded once by the server. */
export function requestId() {
  if (window.crypto && typeof window.crypto.randomUUID === 'function') return window.crypto.randomUUID().replace(/-/g, '')
  return Date.now().toString(36) + Math.random().toString(36).slice(2, 12)
}

// The demo bridge for any browser without WeCom: the visitor picks which customer the "chat" is with, and messages
// are recorded on the page ("已发送消息") instead of being sent. window.__qingkeDemoBridge exposes the record so the
// browser test can check that a confirmed message reached the chat exactly once.
import { reactive } from 'vue'

const STORAGE_KEY = 'qingke.demo.customer'

export function createDemoBridge() {
  const state = reactive({ customerId: null, customerName: '', sent: [] })
  const listeners = new Set()

  const params = new URLSearchParams(window.location.search)
  const fromUrl = params.get('customer')
  let fromStorage = null
  try {
    fromStorage = window.localStorage.getItem(STORAGE_KEY)
  } catch {
    fromStorage = null
  }
  state.customerId = fromUrl || fromStorage || null

  function record(message) {
    const entry = { seq: state.sent.length + 1, at: new Date().toISOString(), customerId: state.customerId,
      customerName: state.customerName, ...message }
    state.sent.push(entry)
    return entry
  }

  const bridge = {
    kind: 'demo',
    state,
    async init() {},
    async currentContact() {
      return state.customerId ? { customerId: state.customerId } : null
    },
    async sendText(content) {
      record({ msgtype: 'text', text: { content } })
    },
    async sendNews(news) {
      record({ msgtype: 'news', news })
    },
    /** The visitor picked another customer in the demo bar. */
    select(customerId, customerName = '') {
      state.customerId = customerId == null ? null : String(customerId)
      state.customerName = customerName
      try {
        window.localStorage.setItem(STORAGE_KEY, state.customerId || '')
      } catch {
        // private mode: the choice lives in the URL only
      }
      const url = new URL(window.location.href)
      if (state.customerId) url.searchParams.set('customer', state.customerId)
      else url.searchParams.delete('customer')
      window.history.replaceState(null, '', url)
      listeners.forEach((f) => f({ customerId: state.customerId }))
    },
    setCustomerName(name) {
      state.customerName = name
    },
    onContactChange(f) {
      listeners.add(f)
    },
  }
  window.__qingkeDemoBridge = {
    get sent() {
      return JSON.parse(JSON.stringify(state.sent))
    },
    select: (id) => bridge.select(id),
  }
  return bridge
}

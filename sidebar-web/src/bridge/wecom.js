// The real bridge inside the WeCom client: registers the page with the backend's JS-SDK signatures (wx.config with the
// corp ticket, wx.agentConfig with the app ticket, both through ww.register), reads the external contact of the open
// chat and puts confirmed messages into it with sendChatMessage. Loaded only inside WeCom (a separate chunk).
import * as ww from '@wecom/jssdk'
import { api } from '../lib/api.js'

const JS_API_LIST = ['getContext', 'getCurExternalContact', 'sendChatMessage']

function sdkError(e, fallback) {
  const msg = (e && (e.errMsg || e.message)) || ''
  if (/cancel/i.test(msg)) return new Error('已取消发送')
  if (/no permission|permission denied/i.test(msg)) return new Error('应用没有该接口的权限，请联系管理员检查企业微信应用配置')
  if (/without context/i.test(msg)) return new Error('请从与客户的单聊工具栏打开侧边栏')
  return new Error(fallback + (msg ? `（${msg}）` : ''))
}

export function createWeComBridge() {
  const signatures = new Map()
  const signaturesFor = (url) => {
    if (!signatures.has(url)) {
      const p = api.jsSdkSignatures(url)
      p.catch(() => signatures.delete(url))
      signatures.set(url, p)
    }
    return signatures.get(url)
  }
  let registered = null

  async function register() {
    if (!registered) {
      registered = (async () => {
        const page = window.location.href.split('#')[0]
        const s = await signaturesFor(page)
        ww.register({
          corpId: s.corpId,
          agentId: s.agentId,
          jsApiList: s.jsApiList || JS_API_LIST,
          getConfigSignature: async (url) => {
            const r = await signaturesFor(url)
            return { timestamp: r.config.timestamp, nonceStr: r.config.nonceStr, signature: r.config.signature }
          },
          getAgentConfigSignature: async (url) => {
            const r = await signaturesFor(url)
            return { timestamp: r.agentConfig.timestamp, nonceStr: r.agentConfig.nonceStr, signature: r.agentConfig.signature }
          },
        })
      })()
      registered.catch(() => { registered = null })
    }
    return registered
  }

  return {
    kind: 'wecom',
    async init() {
      await register()
    },
    /** The contact of the chat the sidebar is open next to: { externalUserId }. */
    async currentContact() {
      await register()
      let context
      try {
        context = await ww.getContext()
      } catch (e) {
        throw sdkError(e, '无法获取侧边栏入口')
      }
      if (context.entry !== 'single_chat_tools') {
        throw new Error('请在与客户的单聊中，从聊天工具栏打开轻客')
      }
      try {
        const { userId } = await ww.getCurExternalContact()
        return { externalUserId: userId }
      } catch (e) {
        throw sdkError(e, '无法获取当前聊天的客户')
      }
    },
    async sendText(content) {
      await register()
      try {
        await ww.sendChatMessage({ msgtype: 'text', text: { content } })
      } catch (e) {
        throw sdkError(e, '消息发送失败')
      }
    },
    async sendNews(news) {
      await register()
      try {
        await ww.sendChatMessage({ msgtype: 'news', news })
      } catch (e) {
        throw sdkError(e, '消息发送失败')
      }
    },
    onContactChange() {
      // WeCom opens a fresh page for every chat
    },
  }
}

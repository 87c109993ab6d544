// Shows the outcome of an operation to the rep: a short success toast, or the error in plain Chinese.
import { showFailToast, showSuccessToast } from 'vant'
import { signInUrl } from './api.js'

const REDIRECT_KEY = 'qingke.signInRedirectAt'

/** Sends the rep through WeCom sign-in and back, unless that just happened (then the page offers a button). */
export function signInAgain(force = false) {
  let last = 0
  try {
    last = Number(window.sessionStorage.getItem(REDIRECT_KEY) || 0)
  } catch {
    last = 0
  }
  if (!force && Date.now() - last < 30000) return false
  try {
    window.sessionStorage.setItem(REDIRECT_KEY, String(Date.now()))
  } catch {
    // without storage the loop guard is the button
  }
  window.location.href = signInUrl()
  return true
}

export async function run(operation) {
  try {
    const message = await operation()
    if (message) showSuccessToast({ message, duration: 1500 })
    return true
  } catch (e) {
    if (e && e.kind === 'signIn') {
      showFailToast('登录已过期，正在重新登录…')
      setTimeout(() => signInAgain(true), 800)
      return false
    }
    showFailToast({ message: (e && e.message) || '操作失败，请重试', duration: 2500 })
    return false
  }
}

// Launches Debian's Chromium (/usr/bin/chromium) through playwright-core with a fresh profile. Playwright never
// downloads a browser here: a missing Chromium is an error that says how to install it.
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium } from 'playwright-core'

export const CHROMIUM = process.env.QINGKE_CHROMIUM || '/usr/bin/chromium'

// Without the background-networking flags Chromium keeps calling Google's hosts, which this network refuses.
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage',
  '--lang=zh-CN']

export async function launch({ width = 390, height = 844 } = {}) {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium not found at ${CHROMIUM}: install Debian's package with 'apt-get install -y chromium' (.ci/run does this)`)
  }
  const profile = mkdtempSync(join(tmpdir(), 'qingke-chromium-'))
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ARGS,
    viewport: { width, height },
    deviceScaleFactor: 1,
    isMobile: true,
    hasTouch: true,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  })
  return {
    context,
    async close() {
      await context.close().catch(() => {})
      rmSync(profile, { recursive: true, force: true })
    },
  }
}

/** Signs in through the demo's fake WeCom OAuth page as the given employee; returns the qk_session cookie(s). */
export async function signInAs(base, userId) {
  if (process.env.QINGKE_SESSION) return [{ name: 'qk_session', value: process.env.QINGKE_SESSION, url: base }]
  const b = await launch()
  try {
    const page = b.context.pages()[0] || await b.context.newPage()
    await page.goto(`${base}/auth/wecom?redirect=${encodeURIComponent('/sidebar/')}`)
    await page.locator(`#pick-${userId}`).click()
    await page.waitForURL(`${base}/sidebar/**`)
    const cookies = (await b.context.cookies()).filter((c) => c.name === 'qk_session')
    if (!cookies.length) throw new Error('sign-in gave no qk_session cookie')
    return cookies.map(({ name, value, domain, path }) => ({ name, value, domain, path }))
  } finally {
    await b.close()
  }
}

/** GET a JSON API path with the session cookie. */
export async function getJson(base, cookies, path) {
  const res = await fetch(base + path, { headers: { Cookie: `qk_session=${cookies[0].value}` } })
  if (!res.ok) throw new Error(`${path}: HTTP ${res.status}`)
  return res.json()
}

// Measures the sidebar's first meaningful paint on a running app (e.g. the demo: ./mvnw -Pdemo package):
// the time from navigation start to the customer's first screen on the page (the 'qk-first-screen' mark the app
// sets), each run in a new Chromium profile (cold cache). Signs in through the demo's fake WeCom OAuth page as the
// given employee, or uses QINGKE_SESSION (a qk_session token) when set.
//   node e2e/first-paint.mjs http://localhost:8080 [--as zhangwei] [--runs 7] [--customer <id>]
import { getJson, launch, signInAs } from './browser.mjs'

const args = process.argv.slice(2)
const base = (args.find((a) => a.startsWith('http')) || 'http://localhost:8080').replace(/\/$/, '')
const opt = (name, fallback) => {
  const i = args.indexOf(`--${name}`)
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback
}
const runs = Number(opt('runs', '7'))
const as = opt('as', 'zhangwei')

async function pickCustomer(cookies) {
  const given = opt('customer', null)
  if (given) return given
  const list = await getJson(base, cookies, '/api/sidebar/my-customers')
  if (!list.length) throw new Error(`${as} has no customers`)
  return list[0].id
}

async function once(cookies, customerId) {
  const b = await launch()
  try {
    await b.context.addCookies(cookies)
    const page = b.context.pages()[0] || await b.context.newPage()
    await page.goto(`${base}/sidebar/?customer=${customerId}`)
    await page.locator('[data-test=profile]').waitFor({ timeout: 30000 })
    return await page.evaluate(() => {
      const mark = performance.getEntriesByName('qk-first-screen')[0]
      const nav = performance.getEntriesByType('navigation')[0]
      const js = performance.getEntriesByType('resource').filter((r) => r.name.endsWith('.js'))
      return {
        firstScreenMs: Math.round(mark.startTime),
        domContentLoadedMs: Math.round(nav.domContentLoadedEventEnd),
        jsTransferBytes: js.reduce((s, r) => s + (r.transferSize || 0), 0),
      }
    })
  } finally {
    await b.close()
  }
}

const cookies = await signInAs(base, as)
const customerId = await pickCustomer(cookies)
await once(cookies, customerId) // warm the server (JIT, connection pool), not the browser
const samples = []
for (let i = 0; i < runs; i++) samples.push(await once(cookies, customerId))
const sorted = samples.map((s) => s.firstScreenMs).sort((a, b) => a - b)
const median = sorted[Math.floor(sorted.length / 2)]
console.log(JSON.stringify({ base, customerId, runs, firstScreenMs: { median, min: sorted[0], max: sorted[sorted.length - 1] },
  samples }, null, 1))

// Takes the README's screenshots of the sidebar on the running demo (./mvnw -Pdemo package): signs in as a rep
// through the fake WeCom OAuth page, opens the customer with the most open recommended actions and an open
// opportunity, and saves the main screens to docs/screenshots/ (or the directory given with --out).
//   node e2e/screenshots.mjs http://localhost:8080 [--as zhangwei] [--out ../docs/screenshots]
import { mkdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { getJson, launch, signInAs } from './browser.mjs'

const args = process.argv.slice(2)
const base = (args.find((a) => a.startsWith('http')) || 'http://localhost:8080').replace(/\/$/, '')
const opt = (name, fallback) => {
  const i = args.indexOf(`--${name}`)
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback
}
const out = resolve(opt('out', '../docs/screenshots'))
mkdirSync(out, { recursive: true })

const cookies = await signInAs(base, opt('as', 'zhangwei'))
const customers = await getJson(base, cookies, '/api/sidebar/my-customers')
let best = null
for (const c of customers.slice(0, 40)) {
  const s = await getJson(base, cookies, `/api/sidebar/customers/${c.id}`)
  const score = s.actions.filter((a) => a.kind === 'MESSAGE').length * 3 + s.actions.length
    + (s.opportunity && !s.opportunity.closed ? 5 : 0) + (s.customer.riskTags.length ? 1 : 0)
  if (!best || score > best.score) best = { score, id: c.id }
}
console.log(`customer ${best.id}`)

const b = await launch()
const shot = async (page, name) => {
  await page.locator('.van-toast').waitFor({ state: 'hidden', timeout: 5000 }).catch(() => {})
  await page.waitForTimeout(500)
  await page.screenshot({ path: join(out, name) })
  console.log(join(out, name))
}
try {
  await b.context.addCookies(cookies)
  const page = b.context.pages()[0] || await b.context.newPage()
  await page.goto(`${base}/sidebar/?customer=${best.id}`)
  await page.locator('[data-test=profile]').waitFor()
  await shot(page, 'sidebar-customer.png')

  await page.locator('[data-test=analysis]').scrollIntoViewIfNeeded()
  await page.evaluate(() => window.scrollBy(0, document.querySelector('[data-test=analysis]').getBoundingClientRect().top - 60))
  await shot(page, 'sidebar-actions.png')

  await page.locator('[data-test=timeline]').scrollIntoViewIfNeeded()
  await page.evaluate(() => window.scrollBy(0, document.querySelector('[data-test=timeline]').getBoundingClientRect().top - 50))
  await shot(page, 'sidebar-timeline.png')

  await page.evaluate(() => window.scrollTo(0, 0))
  await page.locator('.van-tab', { hasText: '商机' }).click()
  await page.locator('[data-test=opportunity]').waitFor({ timeout: 5000 }).catch(() => {})
  await shot(page, 'sidebar-opportunity.png')
  if (await page.locator('[data-test=change-stage]:not([disabled])').count()) {
    await page.locator('[data-test=change-stage]').click()
    await page.locator('.van-action-sheet').waitFor()
    await shot(page, 'sidebar-stage.png')
    await page.locator('.van-action-sheet__cancel').click()
  }

  await page.evaluate(() => window.scrollTo(0, 0))
  await page.locator('.van-tab', { hasText: '客户' }).click()
  await page.waitForTimeout(400)

  const message = page.locator('[data-test=customer-actions] [data-test=action-card][data-kind=MESSAGE]').first()
  if (await message.count()) {
    await message.scrollIntoViewIfNeeded()
    await message.locator('[data-test=edit]').click()
    await page.locator('[data-test=edit-popup]:visible').waitFor()
    await shot(page, 'sidebar-edit-message.png')
    await page.locator('[data-test=edit-popup]:visible [data-test=edit-confirm]').click()
    await page.locator('.van-toast').waitFor({ state: 'visible' }).catch(() => {})
    await page.locator('[data-test=demo-sent-toggle]').click()
    await page.evaluate(() => window.scrollTo(0, 0))
    await shot(page, 'sidebar-sent-message.png')
    await page.locator('[data-test=demo-sent-toggle]').click()
  }
  const other = page.locator('[data-test=customer-actions] [data-test=action-card]').first()
  if (await other.count()) {
    await other.scrollIntoViewIfNeeded()
    await other.locator('[data-test=dismiss]').click()
    await page.locator('[data-test=dismiss-popup]:visible [data-test=dismiss-reason]').first().click()
    await shot(page, 'sidebar-dismiss.png')
    await page.keyboard.press('Escape')
    await page.locator('[data-test=dismiss-popup]:visible').getByText('取消').click()
  }

  await page.evaluate(() => window.scrollTo(0, 0))
  await page.locator('.van-tab', { hasText: '客户' }).click()
  await page.locator('[data-test=demo-pick]').click()
  await page.locator('[data-test=demo-customer]').first().waitFor()
  await shot(page, 'sidebar-demo-picker.png')
} finally {
  await b.close()
}

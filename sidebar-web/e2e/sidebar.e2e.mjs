// End-to-end test of the sidebar in demo mode, driven by the Java test SidebarBrowserTest (which seeds the data,
// issues the session and checks the database afterwards). Usage:
//   QINGKE_E2E='{"token":"…","customerId":1,…}' node e2e/sidebar.e2e.mjs http://localhost:8081
// Prints one JSON line with what the page saw and what reached the demo bridge; exits non-zero on any failure.
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { launch } from './browser.mjs'

const base = (process.argv[2] || '').replace(/\/$/, '')
const spec = JSON.parse(process.env.QINGKE_E2E || '{}')
const shots = spec.screenshots
const STEP_TIMEOUT = 20000

function check(condition, message) {
  if (!condition) throw new Error(`assertion failed: ${message}`)
}

async function shot(page, name) {
  if (!shots) return
  mkdirSync(shots, { recursive: true })
  await page.locator('.van-toast').waitFor({ state: 'hidden', timeout: 5000 }).catch(() => {})
  await page.waitForTimeout(400) // let Vant's transitions settle
  await page.screenshot({ path: join(shots, name) })
}

async function main() {
  check(base.startsWith('http'), 'base URL argument')
  for (const key of ['token', 'customerId', 'customerName', 'messageActionId', 'editedText', 'dismissActionId', 'dismissReason', 'targetStageLabel']) {
    check(spec[key] !== undefined, `QINGKE_E2E.${key} is given`)
  }
  const browser = await launch()
  const result = { problems: [] }
  try {
    const { context } = browser
    await context.addCookies([{ name: spec.cookieName || 'qk_session', value: spec.token, url: base, httpOnly: true }])
    const page = context.pages()[0] || await context.newPage()
    page.setDefaultTimeout(STEP_TIMEOUT)
    page.on('pageerror', (e) => result.problems.push(`page error: ${e.message}`))
    page.on('console', (m) => { if (m.type() === 'error') result.problems.push(`console: ${m.text()}`) })

    // 1. the demo bridge opens the chat with the customer: profile, timeline, grade, actions
    await page.goto(`${base}/sidebar/?customer=${spec.customerId}`)
    await page.locator('[data-test=profile]').waitFor()
    result.customerName = (await page.locator('[data-test=customer-name]').innerText()).trim()
    check(result.customerName.includes(spec.customerName), `profile shows ${spec.customerName}, got ${result.customerName}`)
    result.phone = (await page.locator('[data-test=phone]').innerText()).trim()
    result.events = await page.locator('[data-test=event]').count()
    check(result.events > 0, 'timeline shows events')
    result.grade = (await page.locator('[data-test=intent-grade]').innerText()).trim()
    if (spec.grade) check(result.grade === spec.grade, `grade ${spec.grade}, got ${result.grade}`)
    result.riskTags = await page.locator('[data-test=risk-tags] .van-tag').allInnerTexts()
    const customerActions = page.locator('[data-test=customer-actions] [data-test=action-card]')
    result.actions = await customerActions.count()
    check(result.actions >= 2, `at least two actions shown, got ${result.actions}`)
    await shot(page, 'sidebar-customer.png')

    // older events load on scroll
    if (spec.expectMoreEvents) {
      await page.locator('[data-test=timeline] .van-list__finished-text').scrollIntoViewIfNeeded().catch(() => {})
      await page.mouse.wheel(0, 20000)
      await page.waitForFunction((n) => document.querySelectorAll('[data-test=event]').length > n, result.events)
      result.eventsAfterScroll = await page.locator('[data-test=event]').count()
    }

    // 2. confirm the message action with an edited text; a double tap must send it once
    const inCustomerTab = (id) => page.locator(`[data-test=customer-actions] [data-test=action-card][data-action-id="${id}"]`)
    const message = inCustomerTab(spec.messageActionId)
    await message.scrollIntoViewIfNeeded()
    await message.locator('[data-test=edit]').click()
    const editor = page.locator('[data-test=edit-popup]:visible')
    await editor.locator('[data-test=edit-text] textarea').fill(spec.editedText)
    await shot(page, 'sidebar-edit-message.png')
    await editor.locator('[data-test=edit-confirm]').dblclick()
    await inCustomerTab(spec.messageActionId).waitFor({ state: 'detached' })
    await page.waitForTimeout(300)
    result.sent = await page.evaluate(() => window.__qingkeDemoBridge.sent)
    check(result.sent.length === 1, `exactly one message reached the bridge, got ${result.sent.length}`)
    const first = result.sent[0]
    const sentText = first.msgtype === 'text' ? first.text.content : first.news.desc
    check(sentText.includes(spec.editedText), `the bridge got the edited text, got ${sentText}`)

    // 3. dismiss another action with a reason
    const other = inCustomerTab(spec.dismissActionId)
    await other.scrollIntoViewIfNeeded()
    await other.locator('[data-test=dismiss]').click()
    const dismissal = page.locator('[data-test=dismiss-popup]:visible')
    await dismissal.locator(`[data-test=dismiss-reason][data-reason="${spec.dismissReason}"]`).click()
    await dismissal.locator('[data-test=dismiss-confirm]').click()
    await inCustomerTab(spec.dismissActionId).waitFor({ state: 'detached' })

    await page.locator('[data-test=demo-sent-toggle]').click()
    await page.locator('[data-test=demo-sent-message]').first().waitFor()
    await page.evaluate(() => window.scrollTo(0, 0))
    await shot(page, 'sidebar-sent-message.png')
    await page.locator('[data-test=demo-sent-toggle]').click()

    // 4. the opportunity: change its stage and see the win rate update
    await page.locator('.van-tab', { hasText: '商机' }).click()
    const opportunity = page.locator('[data-test=opportunity]')
    await opportunity.waitFor()
    result.winRateBefore = (await opportunity.locator('[data-test=win-rate]').innerText()).trim()
    result.stageBefore = (await opportunity.locator('[data-test=stage]').innerText()).trim()
    await opportunity.locator('[data-test=change-stage]').click()
    await page.locator('.van-action-sheet__item', { hasText: spec.targetStageLabel }).click()
    await page.waitForFunction((label) => {
      const el = document.querySelector('[data-test=opportunity] [data-test=stage]')
      return el && el.textContent.trim() === label
    }, spec.targetStageLabel)
    await page.waitForFunction((before) => {
      const el = document.querySelector('[data-test=opportunity] [data-test=win-rate]')
      return el && el.textContent.trim() !== before
    }, result.winRateBefore)
    result.stageAfter = (await opportunity.locator('[data-test=stage]').innerText()).trim()
    result.winRateAfter = (await opportunity.locator('[data-test=win-rate]').innerText()).trim()
    await page.evaluate(() => window.scrollTo(0, 0))
    await shot(page, 'sidebar-opportunity.png')

    // a decision-chain contact marked reached
    if (spec.contactId) {
      const contact = page.locator(`[data-test=contact][data-contact-id="${spec.contactId}"]`)
      await contact.locator('[data-test=mark-reached]').click()
      await contact.locator('.qk-reached').waitFor()
      result.contactReached = true
    }

    result.sentAtEnd = (await page.evaluate(() => window.__qingkeDemoBridge.sent)).length
    check(result.sentAtEnd === 1, `still exactly one message at the bridge, got ${result.sentAtEnd}`)
    result.ok = true
  } finally {
    await browser.close()
  }
  process.stdout.write(JSON.stringify(result) + '\n')
}

main().catch((e) => {
  process.stderr.write(`[sidebar e2e] ${e.stack || e}\n`)
  process.exit(1)
})

// Reports the built bundle's size, gzipped (level 9, as served with HTTP compression), and fails when the JavaScript
// exceeds the budget. Run after a build: npm run build && npm run size   (the Maven build runs it too)
import { readdirSync, readFileSync } from 'node:fs'
import { gzipSync } from 'node:zlib'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const BUDGET_JS_GZIP = 150 * 1024
const assets = join(resolve(dirname(fileURLToPath(import.meta.url)), '..'), 'dist', 'assets')
const files = readdirSync(assets).map((name) => {
  const raw = readFileSync(join(assets, name))
  return { name, raw: raw.length, gzip: gzipSync(raw, { level: 9 }).length }
})
const sum = (list, key) => list.reduce((s, f) => s + f[key], 0)
const js = files.filter((f) => f.name.endsWith('.js'))
const css = files.filter((f) => f.name.endsWith('.css'))
const kb = (n) => `${(n / 1024).toFixed(1)} KB`
for (const f of files) console.log(`${f.name.padEnd(32)} ${kb(f.raw).padStart(10)} raw ${kb(f.gzip).padStart(10)} gzip`)
console.log(`JavaScript total: ${kb(sum(js, 'raw'))} raw, ${kb(sum(js, 'gzip'))} gzip (budget ${kb(BUDGET_JS_GZIP)})`)
console.log(`CSS total:        ${kb(sum(css, 'raw'))} raw, ${kb(sum(css, 'gzip'))} gzip`)
if (sum(js, 'gzip') > BUDGET_JS_GZIP) {
  console.error(`the sidebar's JavaScript is ${kb(sum(js, 'gzip'))} gzipped, over the ${kb(BUDGET_JS_GZIP)} budget`)
  process.exit(1)
}

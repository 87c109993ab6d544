// Builds the sidebar for the Maven build (exec-maven-plugin, phase generate-resources) with the machine's own
// node and npm, then copies dist/ to the directory given as the first argument (META-INF/resources/sidebar).
// Incremental so `./mvnw verify` stays fast: `npm ci` runs only when package-lock.json differs from what is
// installed, `vite build` only when an input is newer than the last build. Nothing here downloads Node or a browser.
import { execFileSync } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { createHash } from 'node:crypto'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const target = process.argv[2]
if (!target) {
  console.error('usage: node scripts/maven-build.mjs <output directory>')
  process.exit(2)
}
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm'
const run = (args, env = {}) => execFileSync(npm, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } })

const [major, minor] = process.versions.node.split('.').map(Number)
if (major < 20 || (major === 20 && minor < 19)) {
  console.error(`[sidebar-web] Node ${process.versions.node} is too old for Vite 7: install Node.js 20.19+ (the machine's node is used; nothing is downloaded)`)
  process.exit(1)
}

// 1. Dependencies: reinstall exactly the lock file when it changed since the last install.
const lock = readFileSync(join(root, 'package-lock.json'))
const lockHash = createHash('sha256').update(lock).digest('hex')
const stampFile = join(root, 'node_modules', '.qingke-lock-sha256')
const installed = existsSync(stampFile) ? readFileSync(stampFile, 'utf8').trim() : ''
if (installed !== lockHash || !existsSync(join(root, 'node_modules', 'vite', 'package.json'))) {
  console.log('[sidebar-web] npm ci (package-lock.json changed or node_modules missing)')
  // dev dependencies (vite, the Vue plugin, playwright-core for the browser test) are needed even where NODE_ENV=production
  run(['ci', '--include=dev', '--no-audit', '--no-fund', '--loglevel=error'])
  writeFileSync(stampFile, lockHash)
}

// 2. Bundle: rebuild when any input is newer than the last build.
const inputs = ['src', 'public', 'index.html', 'vite.config.js', 'package-lock.json']
const newest = (p) => {
  if (!existsSync(p)) return 0
  const s = statSync(p)
  if (!s.isDirectory()) return s.mtimeMs
  return readdirSync(p).reduce((m, f) => Math.max(m, newest(join(p, f))), s.mtimeMs)
}
const inputTime = Math.max(...inputs.map((f) => newest(join(root, f))))
const built = join(root, 'dist', 'index.html')
if (!existsSync(built) || statSync(built).mtimeMs < inputTime) {
  console.log('[sidebar-web] vite build')
  run(['run', 'build', '--silent'], { NODE_ENV: 'production' })
  // the JavaScript budget (150 KB gzipped) fails the build when exceeded
  run(['run', 'size', '--silent'])
} else {
  console.log('[sidebar-web] dist/ is up to date')
}

// 3. Serve it: replace the output directory's content with dist/.
rmSync(target, { recursive: true, force: true })
mkdirSync(target, { recursive: true })
cpSync(join(root, 'dist'), target, { recursive: true })
console.log(`[sidebar-web] copied dist/ to ${target}`)

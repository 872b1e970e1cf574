// Runs `npm ci` only when node_modules was not installed from this package-lock.json: the lock
// file's SHA-256 is kept in node_modules/.careloop-lock.sha256 after a successful install, so a
// Maven build without front-end dependency changes skips the reinstall (issue 5, point 6).
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const lock = readFileSync('package-lock.json');
const hash = createHash('sha256').update(lock).digest('hex');
const stamp = 'node_modules/.careloop-lock.sha256';

if (existsSync(stamp) && readFileSync(stamp, 'utf8').trim() === hash) {
  console.log(`node_modules matches package-lock.json (${hash.slice(0, 12)}): npm ci skipped`);
} else {
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const run = spawnSync(npm, ['ci', '--no-audit', '--no-fund'], { stdio: 'inherit' });
  if (run.status !== 0) process.exit(run.status ?? 1);
  writeFileSync(stamp, `${hash}\n`);
}

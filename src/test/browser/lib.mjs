// What the portal and console browser specs share: launching Debian's Chromium, bounded steps, checks, axe-core.
//
// Nothing here may wait without a bound. Playwright's own actions time out (setDefaultTimeout below), but
// page.evaluate() does not, and axe-core runs inside the page through evaluate(): a page whose scripts cannot
// run (javaScriptEnabled:false) never settles axe's promise, because axe schedules its work with setTimeout and
// a page with scripting disabled runs no timers. So every step and every axe run is raced against a timer, and
// a step that times out closes its browser context, which rejects whatever was still waiting in it.
import { chromium } from 'playwright-core';
import AxeBuilder from '@axe-core/playwright';

export const BASE = process.env.BASE_URL || 'http://127.0.0.1:8080';
export const EXECUTABLE = process.env.CHROMIUM || '/usr/bin/chromium';
export const SIZES = [
  { name: 'phone', options: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 } },
  { name: 'desktop', options: { viewport: { width: 1366, height: 900 } } },
];
// Generous bounds against a hang on a loaded machine, not speed requirements.
const ACTION_MS = 60_000;
const NAVIGATION_MS = 90_000;
const AXE_MS = 300_000;
const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

const started = Date.now();
const failures = [];
let checks = 0;

export function log(message) {
  console.log(`[${((Date.now() - started) / 1000).toFixed(1)}s] ${message}`);
}

export function check(ok, what) {
  checks++;
  if (!ok) {
    failures.push(what);
    log('FAIL ' + what);
  }
  return ok;
}

/** Resolves with fn's value, or rejects with a message naming the step when it takes longer than ms. */
export function bounded(what, ms, promise) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no result after ${ms / 1000}s`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Runs one step in a fresh browser context with bounded actions; a failure or a time-out is recorded with the
 * step's name and the context is closed, so the next step starts clean.
 */
export async function step(browser, name, ms, contextOptions, fn) {
  const begun = Date.now();
  log(`${name}: started`);
  const context = await bounded(`${name}: opening a browser context`, ACTION_MS, browser.newContext(contextOptions));
  context.setDefaultTimeout(ACTION_MS);
  context.setDefaultNavigationTimeout(NAVIGATION_MS);
  try {
    await bounded(name, ms, fn(context));
    log(`${name}: done in ${((Date.now() - begun) / 1000).toFixed(1)}s`);
  } catch (e) {
    failures.push(`${name}: ${e && e.message ? e.message.split('\n')[0] : e}`);
    log(`${name}: FAILED after ${((Date.now() - begun) / 1000).toFixed(1)}s: ${e && e.stack ? e.stack : e}`);
  } finally {
    await bounded(`${name}: closing its context`, ACTION_MS, context.close()).catch((e) => log(String(e)));
  }
}

/**
 * axe-core, WCAG 2.1 A and AA, on the page as it is (frames and shadow roots included); each violation is a
 * failure naming the page and the first offending elements. Returns the results.
 */
export async function axe(page, label) {
  // Closed <details> hide content from axe as from people; open them so their content is checked too.
  await page.evaluate(() => document.querySelectorAll('details').forEach((d) => { d.open = true; }));
  const result = await bounded(`axe on ${label}`, AXE_MS, new AxeBuilder({ page }).withTags(WCAG).analyze());
  checks++;
  for (const v of result.violations) {
    const where = v.nodes.slice(0, 3).map((n) => JSON.stringify(n.target)).join(' | ');
    failures.push(`axe ${label}: ${v.id} (${v.impact}) ${v.help} — ${where}`);
    log(`AXE ${label}: ${v.id}: ${v.nodes.slice(0, 3).map((n) => n.html + ' → ' + n.failureSummary).join(' | ')}`);
  }
  log(`axe ${label}: ${result.violations.length} violations, ${result.passes.length} rules passed`);
  return result;
}

/**
 * axe on what a browser without JavaScript shows. axe cannot run in that page itself (its scripts, axe's
 * included, get no timers there), so the page's DOM is copied as it stands into a page of a JavaScript-enabled
 * context at the same address, with every script of the site refused: the copy is the no-JS page, and axe runs.
 */
export async function axeWithoutJavaScript(browser, page, contextOptions, label) {
  const html = await page.content();
  const url = page.url();
  const context = await browser.newContext({ ...contextOptions, javaScriptEnabled: true });
  try {
    const copy = await context.newPage();
    await copy.route('**/*', (route) => {
      const request = route.request();
      if (request.isNavigationRequest() && request.url() === url) {
        return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
      }
      return request.resourceType() === 'script' ? route.abort() : route.continue();
    });
    await copy.goto(url, { timeout: NAVIGATION_MS });
    check(await copy.evaluate(() => document.querySelectorAll('[data-enhanced]').length) === 0,
      `${label}: the copy checked by axe is the page without its scripts`);
    return await axe(copy, label);
  } finally {
    await bounded(`${label}: closing the axe copy`, ACTION_MS, context.close()).catch((e) => log(String(e)));
  }
}

/** Debian's Chromium, headless, as root, with nothing that would try the network on its own. */
export async function launch() {
  // Playwright gives every launch a fresh temporary --user-data-dir of its own (passing one in args is refused).
  return bounded('launching Chromium', NAVIGATION_MS, chromium.launch({
    executablePath: EXECUTABLE,
    headless: true,
    timeout: NAVIGATION_MS,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage', '--disable-default-apps',
      '--disable-extensions', '--no-default-browser-check'],
  }));
}

/**
 * Runs the steps with a last-resort watchdog (a step's own bound should always fire first), prints the summary
 * and exits: 0 when every check passed, 1 when some failed, 2 when the watchdog had to stop the run.
 */
export async function run(watchdogMs, body) {
  const watchdog = setTimeout(() => {
    log(`browser checks stopped by the watchdog after ${watchdogMs / 60000} min; ${failures.length} failed so far`);
    failures.forEach((f) => console.log('  - ' + f));
    process.exit(2);
  }, watchdogMs);
  watchdog.unref();
  let browser = null;
  try {
    browser = await launch();
    await body(browser);
  } catch (e) {
    failures.push('error: ' + (e && e.stack || e));
    log('error: ' + (e && e.stack || e));
  } finally {
    if (browser) {
      await bounded('closing Chromium', ACTION_MS, browser.close()).catch((e) => log(String(e)));
    }
  }
  log(`${checks} browser checks, ${failures.length} failed`);
  failures.forEach((f) => console.log('  - ' + f));
  process.exit(failures.length === 0 ? 0 : 1);
}

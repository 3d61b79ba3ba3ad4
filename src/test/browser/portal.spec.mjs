// Browser tests of the portal in Debian's headless Chromium driven by playwright-core, with axe-core
// (WCAG 2.1 A/AA) on every page at phone and desktop sizes. Run by PortalBrowserTest (JUnit) against a server it
// starts: BASE_URL=http://127.0.0.1:<port> node portal.spec.mjs. SCREENSHOT_DIR, when set, receives phone
// screenshots of the home page, a plan, an agency and an answer. Exit code 0 = every check passed.
import { chromium } from 'playwright-core';
import AxeBuilder from '@axe-core/playwright';
import fs from 'node:fs';
import path from 'node:path';

const BASE = process.env.BASE_URL || 'http://127.0.0.1:8080';
const SHOTS = process.env.SCREENSHOT_DIR || '';
const EXECUTABLE = process.env.CHROMIUM || '/usr/bin/chromium';
const SIZES = [
  { name: 'phone', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 },
  { name: 'desktop', viewport: { width: 1366, height: 900 } },
];
const PAGES = ['/', '/ke-hoach', '/ke-hoach/thanh-hoa-2022', '/ke-hoach/dong-nai-2022-draft',
  '/ke-hoach/binh-phuoc-2022?ban=goc', '/ke-hoach/binh-dinh-2022?co-quan=so-tttt&vai-tro=chu-tri',
  '/tinh/dong-nai', '/tinh/binh-dinh', '/co-quan', '/co-quan/so-noi-vu', '/co-quan/so-tttt',
  '/tim-kiem?q=chu%20ky%20so', '/tim-kiem?q=xyzkhongco', '/hoi-dap', '/hoi-dap/vneid-dinh-danh',
  '/tro-ly/nhung-thu', '/tro-ly/nhung?tinh=dong-nai', '/trang-khong-co'];
// A question whose answer cites a plan section, and one whose answer is a long list.
const CITIZEN_QUESTION = 'Ai chủ trì tổ chức các cuộc thi tìm hiểu về chuyển đổi số ở Bình Định?';
const LONG_QUESTION = 'Sở Nội vụ Đồng Nai được giao nhiệm vụ gì?';

const failures = [];
let checks = 0;
function check(ok, what) {
  checks++;
  if (!ok) { failures.push(what); console.error('FAIL ' + what); }
}

async function axe(page, label, exclude) {
  // Closed <details> hide content from axe as from people; open them so their content is checked too.
  await page.evaluate(() => document.querySelectorAll('details').forEach((d) => { d.open = true; }));
  let builder = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']);
  if (exclude) { builder = builder.exclude(exclude); }
  const result = await builder.analyze();
  for (const v of result.violations) {
    failures.push(`axe ${label}: ${v.id} (${v.impact}) ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
    console.error('AXE ' + label + ' ' + v.id + ' ' + v.nodes.slice(0, 3).map((n) => n.html).join(' | '));
  }
  checks++;
  return result.violations.length;
}

async function ask(page, question) {
  const before = await page.locator('[data-turn]').count();
  await page.fill('#question', question);
  await page.press('#question', 'Enter');
  await page.locator('[data-turn]').nth(before).locator('.msg.bot').waitFor({ timeout: 60000 });
  return page.locator('[data-turn]').nth(before);
}

async function citizen(context, size) {
  const page = await context.newPage();
  await page.goto(BASE + '/');
  // Enter while an input method composes (Telex, VNI) belongs to the IME: nothing is sent.
  await page.fill('#question', 'dich vu cong');
  const composed = await page.evaluate(() => {
    const input = document.getElementById('question');
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', isComposing: true, bubbles: true, cancelable: true }));
    return { status: document.querySelector('[data-status]').textContent, turns: document.querySelectorAll('[data-turn]').length };
  });
  check(composed.turns === 0 && composed.status === '', `${size}: Enter during IME composition is ignored`);

  const turn = await ask(page, CITIZEN_QUESTION);
  const labels = await turn.locator('.who').allTextContents();
  check(labels[0] === 'Bạn' && labels[1] === 'Trợ lý', `${size}: turns are labelled Bạn / Trợ lý (${labels})`);
  const answer = turn.locator('.msg.bot');
  const box = await answer.boundingBox();
  const vh = page.viewportSize().height;
  check(box && box.y >= -2 && box.y < vh * 0.5, `${size}: the view starts at the new answer (top ${box && box.y})`);
  check(await answer.evaluate((el) => document.activeElement === el), `${size}: focus moves to the new answer`);
  check(await turn.locator('button', { hasText: 'Sao chép liên kết' }).count() === 1, `${size}: copy-link button`);
  if (size === 'phone' && SHOTS) { await answer.screenshot({ path: path.join(SHOTS, 'phone-answer.png') }); }
  await axe(page, `${size} home with an answer`);

  // Rate it.
  await turn.locator('form[data-rate] button[value="true"]').click();
  await turn.locator('.thanks').waitFor({ timeout: 30000 });
  check((await turn.locator('.thanks').textContent()).includes('Cảm ơn'), `${size}: 👍 is acknowledged`);

  // A long answer: a short lead, the rest folded, lists as list markup.
  const long = await ask(page, LONG_QUESTION);
  check(await long.locator('.msg.bot ul li, .msg.bot ol li').count() > 0, `${size}: list answers are real lists`);
  check(!(await long.locator('.msg.bot .lead').textContent()).includes('•'), `${size}: no bullet characters`);
  const more = long.locator('details.more');
  check(await more.count() === 1 && !(await more.evaluate((d) => d.open)), `${size}: details folded below a short answer`);
  if (size === 'phone' && SHOTS) { await page.screenshot({ path: path.join(SHOTS, 'phone-long-answer.png') }); }

  // The conversation survives a reload.
  await page.reload();
  check(await page.locator('[data-turn]').count() === 2, `${size}: the conversation is kept across reloads`);

  // Follow the source to the highlighted section.
  const source = page.locator('[data-turn]').first().locator('.sources a[href*="#"]').first();
  check(await source.count() === 1, `${size}: the answer links a plan section`);
  if (await source.count() === 1) {
    const href = await source.getAttribute('href');
    await source.click();
    await page.waitForURL('**' + href.split('#')[0] + '*');
    const id = decodeURIComponent(href.split('#')[1]);
    const target = await page.evaluate((id) => {
      const el = document.getElementById(id);
      if (!el) { return null; }
      const r = el.getBoundingClientRect();
      return { matches: el.matches(':target'), bg: getComputedStyle(el).backgroundColor, top: r.top, vh: innerHeight };
    }, id);
    check(target !== null, `${size}: the source anchor #${id} exists`);
    check(target && target.matches && target.bg === 'rgb(255, 241, 168)', `${size}: the cited section is highlighted (${JSON.stringify(target)})`);
    check(target && target.top >= -2 && target.top < target.vh, `${size}: the cited section is in view`);
    await axe(page, `${size} cited plan section`);
  }

  // A new conversation empties the list, also after a reload.
  await page.goto(BASE + '/');
  await page.click('[data-new-chat]');
  check(await page.locator('[data-turn]').count() === 0, `${size}: "Cuộc hội thoại mới" clears the conversation`);
  await page.reload();
  check(await page.locator('[data-turn]').count() === 0, `${size}: and it stays cleared`);
  await page.close();
}

async function civilServant(context, size) {
  const page = await context.newPage();
  await page.goto(BASE + '/');
  await page.click('nav[aria-label="Mục chính"] a[href="/co-quan"]');           // click 1
  await page.click('main a[href="/co-quan/so-noi-vu"]');                        // click 2
  await page.waitForURL('**/co-quan/so-noi-vu');
  const table = page.locator('#nhiem-vu ~ section table, section[aria-labelledby="nhiem-vu"] table').first();
  check(await table.count() === 1, `${size}: the agency's tasks are a table after two clicks`);
  const headers = await page.locator('section[aria-labelledby="nhiem-vu"] thead th').allTextContents();
  check(headers.includes('Cùng thực hiện') && headers.includes('Thời gian'), `${size}: with whom and by when (${headers})`);
  check(await page.locator('section[aria-labelledby="nhiem-vu"] tbody tr').count() > 0, `${size}: tasks listed`);
  const ics = await page.locator('a[href$=".ics"]').first().getAttribute('href');
  const res = await page.request.get(BASE + ics);
  const body = await res.text();
  check(res.ok() && res.headers()['content-type'].startsWith('text/calendar') && body.includes('BEGIN:VEVENT'),
    `${size}: the deadline calendar is subscribable`);
  if (size === 'phone' && SHOTS) { await page.screenshot({ path: path.join(SHOTS, 'phone-agency.png') }); }
  await page.close();
}

async function widget(context, size) {
  const page = await context.newPage();
  await page.goto(BASE + '/tro-ly/nhung-thu');
  await page.locator('[data-hoidap-widget] button.launch').click();
  const frame = page.frameLocator('[data-hoidap-widget] iframe');
  await frame.locator('#question').fill('Dịch vụ công trực tuyến toàn trình là gì?');
  await frame.locator('#question').press('Enter');
  await frame.locator('[data-turn] .msg.bot').first().waitFor({ timeout: 60000 });
  check(await frame.locator('[data-turn] .msg.bot').count() === 1, `${size}: the embedded widget answers`);
  check(await frame.locator('input[name="province"]').getAttribute('value') === 'Đồng Nai', `${size}: widget province`);
  // No axe run with the panel open: axe waits forever on an iframe inside a shadow root. The panel's own page
  // (/tro-ly/nhung) and the host page with the panel closed are checked in PAGES above.
  await page.close();
}

async function withoutJavaScript(browser, size) {
  const context = await browser.newContext({ ...SIZES.find((s) => s.name === size), javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(BASE + '/');
  await page.fill('#question', 'Kế hoạch của Thanh Hóa ban hành ngày nào?');
  await Promise.all([page.waitForNavigation(), page.click('form[data-ask] button[type="submit"]')]);
  check(await page.locator('[data-turn] .msg.bot').count() === 1, `${size} no-JS: the server renders the answer`);
  check(await page.locator('[data-turn] .sources a[href^="/ke-hoach/thanh-hoa-2022"]').count() > 0, `${size} no-JS: sources`);
  await axe(page, `${size} no-JS answer`);
  await Promise.all([page.waitForNavigation(), page.click('form[data-rate] button[value="true"]')]);
  check((await page.locator('main').textContent()).includes('Cảm ơn bạn đã đánh giá'), `${size} no-JS: rating stored`);
  await context.close();
}

// Playwright gives every launch a fresh temporary --user-data-dir of its own (passing one in args is refused).
const browser = await chromium.launch({
  executablePath: EXECUTABLE,
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
});
// A hung step fails the run in minutes (with what was done so far) instead of holding the test suite.
setTimeout(() => {
  console.log(`browser checks stopped: a step hung; ${failures.length} failed so far`);
  process.exit(2);
}, 10 * 60 * 1000).unref();
try {
  for (const size of SIZES) {
    const context = await browser.newContext(size);
    const page = await context.newPage();
    for (const p of PAGES) {
      await page.goto(BASE + p);
      await axe(page, `${size.name} ${p}`);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      check(overflow <= 1, `${size.name} ${p}: no sideways scrolling (${overflow}px too wide)`);
      if (size.name === 'phone' && SHOTS && (p === '/' || p === '/ke-hoach/thanh-hoa-2022')) {
        await page.goto(BASE + p);
        await page.screenshot({ path: path.join(SHOTS, p === '/' ? 'phone-home.png' : 'phone-plan.png') });
      }
    }
    await page.close();
    console.log(`${size.name}: ${PAGES.length} pages checked with axe`);
    await citizen(context, size.name);
    console.log(`${size.name}: citizen's path done`);
    await civilServant(context, size.name);
    console.log(`${size.name}: civil servant's path done`);
    await widget(context, size.name);
    await context.close();
    await withoutJavaScript(browser, size.name);
    console.log(`${size.name}: widget and no-JS chat done`);
  }
} catch (e) {
  failures.push('error: ' + (e && e.stack || e));
  console.error(e);
} finally {
  await browser.close();
}
console.log(`${checks} browser checks, ${failures.length} failed`);
failures.forEach((f) => console.log('  - ' + f));
process.exit(failures.length === 0 ? 0 : 1);

// Browser tests of the portal in Debian's headless Chromium driven by playwright-core, with axe-core
// (WCAG 2.1 A/AA) on every page at phone and desktop sizes. Run by PortalBrowserTest (JUnit) against a server it
// starts: BASE_URL=http://127.0.0.1:<port> node portal.spec.mjs. SCREENSHOT_DIR, when set, receives phone
// screenshots of the home page, a plan, an agency and an answer. Exit code 0 = every check passed.
// Every step runs in its own browser context under its own time bound (lib.mjs): a failure names the step.
import path from 'node:path';
import { BASE, SIZES, axe, axeWithoutJavaScript, check, log, run, step } from './lib.mjs';

const SHOTS = process.env.SCREENSHOT_DIR || '';
const PAGES = ['/', '/ke-hoach', '/ke-hoach/thanh-hoa-2022', '/ke-hoach/dong-nai-2022-draft',
  '/ke-hoach/binh-phuoc-2022?ban=goc', '/ke-hoach/binh-dinh-2022?co-quan=so-tttt&vai-tro=chu-tri',
  '/tinh/dong-nai', '/tinh/binh-dinh', '/co-quan', '/co-quan/so-noi-vu', '/co-quan/so-tttt',
  '/tim-kiem?q=chu%20ky%20so', '/tim-kiem?q=xyzkhongco', '/hoi-dap', '/hoi-dap/vneid-dinh-danh',
  '/tro-ly/nhung-thu', '/tro-ly/nhung?tinh=dong-nai', '/trang-khong-co'];
// A question whose answer cites a plan section, and one whose answer is a long list.
const CITIZEN_QUESTION = 'Ai chủ trì tổ chức các cuộc thi tìm hiểu về chuyển đổi số ở Bình Định?';
const LONG_QUESTION = 'Sở Nội vụ Đồng Nai được giao nhiệm vụ gì?';
const ANSWER_MS = 90_000;
const MINUTE = 60_000;

async function ask(page, question) {
  const before = await page.locator('[data-turn]').count();
  await page.fill('#question', question);
  await page.press('#question', 'Enter');
  await page.locator('[data-turn]').nth(before).locator('.msg.bot').waitFor({ timeout: ANSWER_MS });
  return page.locator('[data-turn]').nth(before);
}

async function everyPage(context, size) {
  const page = await context.newPage();
  for (const p of PAGES) {
    await page.goto(BASE + p);
    await axe(page, `${size} ${p}`);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    check(overflow <= 1, `${size} ${p}: no sideways scrolling (${overflow}px too wide)`);
    if (size === 'phone' && SHOTS && (p === '/' || p === '/ke-hoach/thanh-hoa-2022')) {
      await page.goto(BASE + p);
      await page.screenshot({ path: path.join(SHOTS, p === '/' ? 'phone-home.png' : 'phone-plan.png') });
    }
  }
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

  // Ask.
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

  // Rate it: the server's own acknowledgement (an unknown answer gets another text).
  await turn.locator('form[data-rate] button[value="true"]').click();
  await turn.locator('.thanks').waitFor();
  const thanks = await turn.locator('.thanks').textContent();
  check(thanks.includes('Cảm ơn bạn đã đánh giá'), `${size}: 👍 is stored and acknowledged (${thanks})`);

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
  if (check(await source.count() === 1, `${size}: the answer links a plan section`)) {
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
}

async function civilServant(context, size) {
  const page = await context.newPage();
  await page.goto(BASE + '/');
  let clicks = 0;
  await page.click('nav[aria-label="Mục chính"] a[href="/co-quan"]');
  clicks++;
  await page.waitForURL('**/co-quan');
  await page.click('main a[href="/co-quan/so-noi-vu"]');
  clicks++;
  await page.waitForURL('**/co-quan/so-noi-vu');
  // What the agency does, with whom and by when: the task tables, with their columns filled in.
  const tasks = page.locator('section[aria-labelledby="nhiem-vu"]');
  const headers = await tasks.locator('thead th').allTextContents();
  check(clicks <= 3 && headers.includes('Nhiệm vụ') && headers.includes('Cùng thực hiện') && headers.includes('Thời gian'),
    `${size}: the agency's tasks with whom and by when after ${clicks} clicks (${headers})`);
  const rows = await tasks.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => ({
    task: (tr.querySelector('td[data-label="Nhiệm vụ"]') || {}).textContent || '',
    partners: tr.querySelectorAll('td[data-label="Cùng thực hiện"] a').length,
    when: ((tr.querySelector('td[data-label="Thời gian"]') || {}).textContent || '').trim(),
  })));
  check(rows.length > 0, `${size}: tasks listed`);
  check(rows.some((r) => r.partners > 0 && r.when !== ''), `${size}: a task names its partner agencies and its time`);
  if (size === 'phone' && SHOTS) { await page.screenshot({ path: path.join(SHOTS, 'phone-agency.png') }); }

  // Subscribe: the calendar link gives an iCalendar feed of the deadlines listed on the page.
  const link = page.locator('a[href$=".ics"]').first();
  const href = await link.getAttribute('href');
  const res = await page.request.get(new URL(href, page.url()).href);
  const body = (await res.text()).replace(/\r?\n[ \t]/g, '');
  const events = body.split('BEGIN:VEVENT').slice(1);
  check(res.ok() && res.headers()['content-type'].startsWith('text/calendar') && body.startsWith('BEGIN:VCALENDAR'),
    `${size}: the deadline calendar is an iCalendar feed (${res.status()} ${res.headers()['content-type']})`);
  check(events.length > 0 && events.every((e) => /DTSTART;VALUE=DATE:\d{8}/.test(e) && /SUMMARY:/.test(e)),
    `${size}: every calendar event has a date and a title (${events.length} events)`);
  const deadlineLinks = await page.locator('section[aria-labelledby="han-bao-cao"] li a').evaluateAll(
    (as) => as.map((a) => new URL(a.href).pathname + new URL(a.href).hash));
  check(events.length > 0 && events.every((e) => {
    const m = /URL:(\S+)/.exec(e);
    return m && deadlineLinks.includes(new URL(m[1]).pathname + new URL(m[1]).hash);
  }), `${size}: each calendar event links a deadline shown on the page`);
}

async function widget(context, size) {
  const page = await context.newPage();
  await page.goto(BASE + '/tro-ly/nhung-thu');
  const launch = page.locator('[data-hoidap-widget] button.launch');
  await launch.click();
  check(await launch.getAttribute('aria-expanded') === 'true', `${size}: the widget's button says the panel is open`);
  const frame = page.frameLocator('[data-hoidap-widget] iframe');
  await frame.locator('#question').fill('Dịch vụ công trực tuyến toàn trình là gì?');
  await frame.locator('#question').press('Enter');
  await frame.locator('[data-turn] .msg.bot').first().waitFor({ timeout: ANSWER_MS });
  check(await frame.locator('[data-turn] .msg.bot').count() === 1, `${size}: the embedded widget answers`);
  check(await frame.locator('input[name="province"]').getAttribute('value') === 'Đồng Nai', `${size}: widget province`);
  // axe on the host page with the panel open, through the shadow root into the iframe.
  const result = await axe(page, `${size} widget open with an answer`);
  const inFrame = [...result.passes, ...result.incomplete, ...result.violations]
    .some((r) => r.nodes.some((n) => n.target.length > 1));
  check(inFrame, `${size}: axe checked the widget's frame too`);
  // Escape closes the panel and gives focus back to its button, from inside the panel's frame (where the
  // question was typed) as from the panel's own bar.
  const closed = () => page.waitForFunction(() => {
    const b = document.querySelector('[data-hoidap-widget]').shadowRoot.querySelector('button.launch');
    return b.getAttribute('aria-expanded') === 'false' && b.getRootNode().activeElement === b;
  }, null, { timeout: 15_000 }).then(() => true, () => false);
  await frame.locator('#question').press('Escape');
  check(await closed(), `${size}: Escape in the widget's frame closes the panel and focuses its button`);
  await launch.click();
  check(await launch.getAttribute('aria-expanded') === 'true', `${size}: the widget opens again`);
  await page.keyboard.press('Escape');
  check(await closed(), `${size}: Escape on the panel's bar closes it`);
}

async function withoutJavaScript(browser, context, size, options) {
  const page = await context.newPage();
  await page.goto(BASE + '/');
  await page.fill('#question', 'Kế hoạch của Thanh Hóa ban hành ngày nào?');
  await Promise.all([page.waitForNavigation(), page.click('form[data-ask] button[type="submit"]')]);
  check(await page.locator('[data-turn] .msg.bot').count() === 1, `${size} no-JS: the server renders the answer`);
  check(await page.locator('[data-turn] .sources a[href^="/ke-hoach/thanh-hoa-2022"]').count() > 0, `${size} no-JS: sources`);
  await axeWithoutJavaScript(browser, page, options, `${size} no-JS answer`);
  await Promise.all([page.waitForNavigation(), page.click('form[data-rate] button[value="true"]')]);
  check((await page.locator('main').textContent()).includes('Cảm ơn bạn đã đánh giá'), `${size} no-JS: rating stored`);
}

await run(40 * MINUTE, async (browser) => {
  for (const { name, options } of SIZES) {
    await step(browser, `${name}: ${PAGES.length} pages with axe`, 20 * MINUTE, options, (c) => everyPage(c, name));
    await step(browser, `${name}: citizen's path`, 8 * MINUTE, options, (c) => citizen(c, name));
    await step(browser, `${name}: civil servant's path`, 4 * MINUTE, options, (c) => civilServant(c, name));
    await step(browser, `${name}: embedded widget`, 5 * MINUTE, options, (c) => widget(c, name));
    await step(browser, `${name}: chat without JavaScript`, 5 * MINUTE, { ...options, javaScriptEnabled: false },
      (c) => withoutJavaScript(browser, c, name, options));
  }
  log('portal browser checks finished');
});

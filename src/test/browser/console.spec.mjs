// Browser tests of the communications team's console in Debian's headless Chromium (playwright-core), with
// axe-core (WCAG 2.1 A/AA) on every page at phone and desktop sizes: the sign-in form (and its error for a wrong
// password), the dashboard, the review queue, the FAQ editor, publishing an entry from a queued question (it
// shows on the portal's FAQ page), and signing out. Run by ConsoleBrowserTest (JUnit) against a server it starts:
// BASE_URL=… ADMIN_PASSWORD=… TOKEN=… node console.spec.mjs. Exit code 0 = every check passed.
import { BASE, SIZES, axe, check, log, run, step } from './lib.mjs';

const PASSWORD = process.env.ADMIN_PASSWORD;
const TOKEN = process.env.TOKEN || 'Cbt' + Date.now() % 100000;
// A question nobody's plan answers; the token makes it this run's own (the test database is shared).
const QUESTION = `Dịch vụ ${TOKEN} gửi giấy báo điểm thi nghề qua bưu điện mất mấy ngày?`;
const ANSWER = `Dịch vụ ${TOKEN} gửi giấy báo trong 3 ngày làm việc kể từ khi có kết quả.`;
const MINUTE = 60_000;
const QUEUE_WAIT_MS = 120_000;

if (!PASSWORD) {
  console.error('ADMIN_PASSWORD is needed');
  process.exit(1);
}

/** How far the page scrolls sideways, and the element that reaches furthest right (to name it in a failure). */
function overflow(page) {
  return page.evaluate(() => {
    let widest = null;
    for (const e of document.querySelectorAll('body *')) {
      const right = e.getBoundingClientRect().right;
      if (!widest || right > widest.right) {
        widest = { right, what: `${e.tagName.toLowerCase()}.${e.className} «${(e.textContent || '').trim().slice(0, 60)}»` };
      }
    }
    const px = document.documentElement.scrollWidth - window.innerWidth;
    return px <= 1 ? px : `${px} (widest: ${widest && widest.what})`;
  });
}

async function accessible(page, size, label) {
  await axe(page, `${size} ${label}`);
  const wide = await overflow(page);
  check(typeof wide === 'number' && wide <= 1, `${size} ${label}: no sideways scrolling (${wide}px too wide)`);
}

async function signIn(page, password) {
  await page.fill('#username', 'admin');
  await page.fill('#password', password);
  await Promise.all([page.waitForNavigation(), page.click('form[action="/login"] button[type="submit"]')]);
}

/** Signs in through the form (after one wrong password); returns the signed-in storage state for later steps. */
async function signInStep(context, size) {
  const page = await context.newPage();
  await page.goto(BASE + '/quan-tri');
  check(new URL(page.url()).pathname === '/quan-tri/dang-nhap', `${size}: the console sends a stranger to the sign-in form (${page.url()})`);
  await accessible(page, size, 'sign-in form');

  await signIn(page, 'sai-mat-khau-' + TOKEN);
  const error = page.locator('[role="alert"]');
  const message = (await error.count()) ? await error.first().textContent() : '';
  check(message.includes('Tên đăng nhập hoặc mật khẩu không đúng'), `${size}: a wrong password shows the Vietnamese error (${message})`);
  check(new URL(page.url()).pathname !== '/quan-tri' && (await context.cookies()).every((c) => c.name !== 'JWT'),
    `${size}: a wrong password does not sign in`);
  await accessible(page, size, 'sign-in form with its error');

  await signIn(page, PASSWORD);
  check(new URL(page.url()).pathname === '/quan-tri', `${size}: signing in opens the dashboard (${page.url()})`);
  const jwt = (await context.cookies()).find((c) => c.name === 'JWT');
  check(jwt && jwt.httpOnly && jwt.sameSite === 'Strict', `${size}: the session cookie is HttpOnly and SameSite=Strict`);
  return context.storageState();
}

async function dashboard(context, size) {
  const page = await context.newPage();
  await page.goto(BASE + '/quan-tri');
  check(await page.locator('h1').textContent() === 'Tổng quan câu hỏi', `${size}: the dashboard is shown to the signed-in user`);
  // Every chart has its data table (nothing depends on colour or on the picture alone).
  const charts = await page.locator('.chart-and-table').evaluateAll((cs) => cs.map((c) => !!c.querySelector('svg') && !!c.querySelector('table')));
  check(charts.length > 0 && charts.every(Boolean), `${size}: each chart is followed by its data table (${charts.length})`);
  const total = Number((await page.locator('.kpis li').first().locator('strong').textContent()).replace(/\D/g, ''));
  check(total > 0, `${size}: the questions asked are counted (${total})`);
  await accessible(page, size, 'dashboard');
  // The filters are a shareable URL.
  await page.selectOption('#theme', { index: 1 });
  await Promise.all([page.waitForNavigation(), page.click('form.filters button[type="submit"]')]);
  check(new URL(page.url()).searchParams.get('theme') !== null, `${size}: the filters are in the URL (${page.url()})`);
  await accessible(page, size, 'dashboard filtered by a theme');
  await page.goto(BASE + '/quan-tri/bao-cao');
  await accessible(page, size, 'printable monthly report');
}

/**
 * The review queue, reloaded until this run's question is listed: the query log is written off the request
 * path. Bounded; returns the question's group (count 0 when it never came).
 */
async function openQueue(page) {
  const deadline = Date.now() + QUEUE_WAIT_MS;
  for (;;) {
    await page.goto(BASE + '/quan-tri/hang-doi');
    const group = page.locator('.group', { has: page.locator('h2', { hasText: TOKEN }) });
    if (await group.count() > 0 || Date.now() > deadline) {
      return group;
    }
    await page.waitForTimeout(2000);
  }
}

async function reviewAndEditor(context, size, publish) {
  const page = await context.newPage();
  await page.goto(BASE + '/quan-tri');
  await page.click('nav[aria-label="Trang quản trị"] a[href="/quan-tri/hang-doi"]');
  const group = await openQueue(page);
  check(await group.count() === 1, `${size}: the unanswered question is a group in the review queue`);
  await accessible(page, size, 'review queue');
  if (await group.count() !== 1) {
    return;
  }
  await group.locator('details').first().evaluate((d) => { d.open = true; });
  check((await group.locator('details li').allTextContents()).includes(QUESTION), `${size}: the group lists how it was asked`);

  // Write a new entry from the group: the editor opens with the question filled in.
  await Promise.all([page.waitForNavigation(), group.locator('a', { hasText: 'Viết câu trả lời mới' }).click()]);
  check(new URL(page.url()).pathname === '/quan-tri/hoi-dap', `${size}: the FAQ editor opens from the group`);
  check(await page.inputValue('#question') === QUESTION, `${size}: the editor starts from the queued question`);
  await accessible(page, size, 'FAQ editor');
  if (!publish) {
    return;
  }
  await page.fill('#answer', ANSWER);
  await page.fill('#basis', 'Thông báo của Bưu điện tỉnh (thử nghiệm)');
  await page.selectOption('#topic', 'hoc-ky-nang-so');
  await Promise.all([page.waitForNavigation(), page.click('form[action="/quan-tri/hoi-dap"] button[type="submit"]')]);
  const saved = page.locator('[role="status"]');
  check(await saved.count() === 1 && (await saved.textContent()).includes('Đã lưu'), `${size}: the entry is saved`);
  check((await page.locator('table tbody td').allTextContents()).includes(QUESTION), `${size}: the editor lists the new entry as live`);
  await accessible(page, size, 'FAQ editor after saving');

  // Published: off the queue, on the portal's FAQ page, and answered by the assistant.
  // at once: the decision is stored with the entry (and the queue page is never served from a cache)
  await page.goto(BASE + '/quan-tri/hang-doi');
  check(await page.locator('.group h2', { hasText: TOKEN }).count() === 0, `${size}: the group left the review queue`);
  await page.goto(BASE + '/hoi-dap/hoc-ky-nang-so');
  check((await page.locator('main h3').allTextContents()).includes(QUESTION), `${size}: the new entry is on the portal's FAQ page`);
  const res = await page.request.post(BASE + '/api/chat', { data: { message: QUESTION, channel: 'web' } });
  const answer = await res.json();
  check(answer.fallback === false && String(answer.answer).includes('3 ngày làm việc'), `${size}: the assistant answers with the new entry`);
}

async function signOut(context, size) {
  const page = await context.newPage();
  await page.goto(BASE + '/quan-tri');
  await Promise.all([page.waitForNavigation(), page.click('form.logout button[type="submit"]')]);
  check((await context.cookies()).every((c) => c.name !== 'JWT'), `${size}: signing out clears the session cookie`);
  await page.goto(BASE + '/quan-tri');
  check(new URL(page.url()).pathname === '/quan-tri/dang-nhap', `${size}: after signing out the console asks to sign in again`);
  await page.goto(BASE + '/quan-tri/hoi-dap');
  check(new URL(page.url()).pathname === '/quan-tri/dang-nhap', `${size}: the FAQ editor too`);
}

await run(25 * MINUTE, async (browser) => {
  await step(browser, 'an unanswerable question is asked', 2 * MINUTE, {}, async (context) => {
    const res = await context.request.post(BASE + '/api/chat', { data: { message: QUESTION, channel: 'web' } });
    check(res.ok() && (await res.json()).fallback === true, `precondition: the corpus cannot answer "${QUESTION}"`);
  });
  for (const { name, options } of SIZES) {
    let state = null;
    await step(browser, `${name}: sign-in`, 5 * MINUTE, options, async (c) => { state = await signInStep(c, name); });
    if (!state) {
      continue;
    }
    // Each step starts from the cookies the last one ended with (the session cookie is renewed as it is used).
    const signedIn = (fn) => async (c) => { await fn(c); state = await c.storageState(); };
    await step(browser, `${name}: dashboard`, 8 * MINUTE, { ...options, storageState: state },
      signedIn((c) => dashboard(c, name)));
    await step(browser, `${name}: review queue and FAQ editor`, 8 * MINUTE, { ...options, storageState: state },
      signedIn((c) => reviewAndEditor(c, name, name === SIZES[SIZES.length - 1].name)));
    await step(browser, `${name}: sign-out`, 3 * MINUTE, { ...options, storageState: state }, (c) => signOut(c, name));
  }
  log('console browser checks finished');
});

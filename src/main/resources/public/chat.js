// Progressive enhancement of the chat. Without this script the form POSTs to / and the server renders the
// answer; with it, questions go to POST /tro-ly/luot, which returns the same server-rendered turn (escaped by
// the template engine), so both paths show identical markup. The conversation is kept in sessionStorage (it
// survives reloads and moving between pages, and is gone when the tab closes: shared computers stay clean).
(function () {
  'use strict';
  var root = document.querySelector('[data-chat]');
  if (!root || !window.fetch || !window.URLSearchParams) { return; }
  var form = root.querySelector('[data-ask]');
  var input = form.querySelector('textarea[name="message"]');
  var sessionField = form.querySelector('[data-session]');
  var provinceField = form.querySelector('input[name="province"]');
  var list = root.querySelector('[data-conversation]');
  var status = root.querySelector('[data-status]');
  var send = form.querySelector('button[type="submit"]');
  var KEY = 'hoidap-chat-v1';
  var MAX_TURNS = 20;
  var busy = false;

  function load() {
    try { return JSON.parse(sessionStorage.getItem(KEY)) || null; } catch (e) { return null; }
  }
  function save() {
    var turns = Array.prototype.map.call(list.querySelectorAll('[data-turn]'), function (li) { return li.outerHTML; });
    try {
      sessionStorage.setItem(KEY, JSON.stringify({ sessionId: sessionField.value || '', turns: turns.slice(-MAX_TURNS) }));
    } catch (e) { /* storage full or blocked: the chat still works, it just will not survive a reload */ }
  }
  function fromHtml(html) {
    var t = document.createElement('template');
    t.innerHTML = html.trim();
    return t.content.firstElementChild;
  }
  function say(text) { status.textContent = text; }

  function showTurn(li, scroll) {
    list.appendChild(li);
    enhance(li);
    if (scroll) {
      var answer = li.querySelector('.msg.bot');
      // The start of the new answer, not its end (long answers end with their sources).
      answer.scrollIntoView({ block: 'start', behavior: 'auto' });
      answer.focus({ preventScroll: true });
    }
  }

  function ask(text) {
    text = (text || '').trim();
    if (!text) { say('Hãy nhập câu hỏi.'); input.focus(); return; }
    if (busy) { return; }
    busy = true;
    send.disabled = true;
    say('Đang tìm câu trả lời…');
    var body = new URLSearchParams();
    body.set('message', text);
    if (sessionField.value) { body.set('sessionId', sessionField.value); }
    if (provinceField && provinceField.value) { body.set('province', provinceField.value); }
    if (document.body.classList.contains('embed')) { body.set('channel', 'widget'); }
    fetch('/tro-ly/luot', { method: 'POST', body: body, credentials: 'same-origin',
      headers: { 'X-Requested-With': 'fetch' } })
      .then(function (r) { return r.text().then(function (t) { return { ok: r.ok, text: t, session: r.headers.get('X-Session-Id') }; }); })
      .then(function (res) {
        if (!res.ok) { say(res.text || 'Không gửi được câu hỏi.'); return; }
        if (res.session) { sessionField.value = res.session; }
        input.value = '';
        showTurn(fromHtml(res.text), true);
        save();
        say('Đã có câu trả lời.');
      })
      .catch(function () { say('Không kết nối được máy chủ. Vui lòng thử lại.'); })
      .then(function () { busy = false; send.disabled = false; });
  }

  function rate(f, submitter) {
    var body = new URLSearchParams(new FormData(f));
    if (submitter && submitter.name) { body.set(submitter.name, submitter.value); }
    fetch(f.action, { method: 'POST', body: body, credentials: 'same-origin', headers: { 'X-Requested-With': 'fetch' } })
      .then(function (r) { return r.text(); })
      .then(function (text) {
        var p = document.createElement('p');
        p.className = 'thanks';
        p.setAttribute('role', 'status');
        p.textContent = text;
        var holder = f.closest('details') || f;
        holder.parentNode.replaceChild(p, holder);
        save();
      })
      .catch(function () { say('Không gửi được đánh giá. Vui lòng thử lại.'); });
  }

  function enhance(scope) {
    Array.prototype.forEach.call(scope.querySelectorAll('form[data-rate]'), function (f) {
      if (f.dataset.enhanced) { return; }
      f.dataset.enhanced = '1';
      f.addEventListener('submit', function (e) { e.preventDefault(); rate(f, e.submitter); });
    });
    Array.prototype.forEach.call(scope.querySelectorAll('.suggest form'), function (f) {
      if (f.dataset.enhanced) { return; }
      f.dataset.enhanced = '1';
      f.addEventListener('submit', function (e) { e.preventDefault(); ask(f.querySelector('[name="message"]').value); });
    });
    Array.prototype.forEach.call(scope.querySelectorAll('a[data-share]'), function (a) {
      if (a.dataset.enhanced) { return; }
      a.dataset.enhanced = '1';
      var b = document.createElement('button');
      b.type = 'button';
      b.className = 'link';
      b.textContent = 'Sao chép liên kết';
      b.addEventListener('click', function () {
        var url = new URL(a.getAttribute('href'), window.location.href).href;
        if (navigator.clipboard && navigator.clipboard.writeText) {
          navigator.clipboard.writeText(url).then(function () { say('Đã sao chép liên kết.'); },
            function () { say('Liên kết: ' + url); });
        } else { say('Liên kết: ' + url); }
      });
      a.parentNode.insertBefore(b, a.nextSibling);
    });
  }

  // Restore the conversation; a turn the server just rendered (a shared /?q= link, a no-JS post) comes last.
  var stored = load();
  var rendered = Array.prototype.slice.call(list.querySelectorAll('[data-turn]'));
  if (stored && stored.turns && stored.turns.length) {
    var first = list.firstChild;
    stored.turns.forEach(function (html) {
      var li = fromHtml(html);
      if (li) { list.insertBefore(li, first); }
    });
    if (!rendered.length && stored.sessionId && !sessionField.value) { sessionField.value = stored.sessionId; }
  }
  enhance(list);
  if (rendered.length) {
    save();
    rendered[rendered.length - 1].querySelector('.msg.bot').scrollIntoView({ block: 'start' });
    // Reloading must not ask the shared question again.
    if (window.location.search.indexOf('q=') >= 0 && window.history.replaceState) {
      window.history.replaceState(null, '', window.location.pathname);
    }
  }

  form.addEventListener('submit', function (e) { e.preventDefault(); ask(input.value); });
  input.addEventListener('keydown', function (e) {
    // Enter sends, Shift+Enter breaks the line; while an input method composes (Telex, VNI) Enter is its own.
    if (e.key === 'Enter' && !e.shiftKey && !e.isComposing && e.keyCode !== 229) {
      e.preventDefault();
      ask(input.value);
    }
  });
  Array.prototype.forEach.call(document.querySelectorAll('.examples form'), function (f) {
    f.addEventListener('submit', function (e) { e.preventDefault(); ask(f.querySelector('[name="message"]').value); });
  });
  var fresh = root.querySelector('[data-new-chat]');
  if (fresh) {
    fresh.addEventListener('click', function (e) {
      e.preventDefault();
      try { sessionStorage.removeItem(KEY); } catch (err) { /* ignore */ }
      while (list.firstChild) { list.removeChild(list.firstChild); }
      sessionField.value = '';
      say('Đã bắt đầu cuộc hội thoại mới.');
      input.focus();
    });
  }
  // In the widget's frame, Escape closes the panel as it does on the host page: keys pressed in a frame never
  // reach the host's listeners, so the frame tells widget.js (which checks that the message comes from it).
  if (document.body.classList.contains('embed') && window.parent !== window) {
    document.addEventListener('keydown', function (e) {
      if (e.key === 'Escape' && !e.defaultPrevented) { window.parent.postMessage('hoidap:close', '*'); }
    });
  }
})();

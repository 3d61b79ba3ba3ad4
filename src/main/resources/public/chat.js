// The chat page: sends questions to POST /api/chat, keeps the sessionId for follow-ups, and shows each
// answer with its source links. Text is inserted as text (never as HTML), so answers cannot inject markup.
(function () {
  'use strict';
  var form = document.getElementById('ask');
  var input = document.getElementById('question');
  var send = document.getElementById('send');
  var list = document.getElementById('conversation');
  var status = document.getElementById('status');
  var sessionId = null;
  try { sessionId = sessionStorage.getItem('hoidap-session'); } catch (e) { /* storage may be blocked */ }

  function add(cls, text) {
    var li = document.createElement('li');
    li.className = 'msg ' + cls;
    li.textContent = text;
    list.appendChild(li);
    return li;
  }

  function showAnswer(body) {
    var li = add('bot' + (body.fallback ? ' fallback' : ''), body.answer || '');
    li.setAttribute('data-intent', body.intent || '');
    if (body.sources && body.sources.length) {
      var ul = document.createElement('ul');
      ul.className = 'sources';
      ul.setAttribute('aria-label', 'Nguồn');
      body.sources.forEach(function (s) {
        var item = document.createElement('li');
        var a = document.createElement('a');
        a.href = s.url;
        a.textContent = s.title;
        item.appendChild(a);
        ul.appendChild(item);
      });
      li.appendChild(ul);
    }
    if (body.suggestions && body.suggestions.length) {
      var div = document.createElement('div');
      div.className = 'suggest';
      body.suggestions.forEach(function (q) {
        var b = document.createElement('button');
        b.type = 'button';
        b.textContent = q;
        b.addEventListener('click', function () { ask(q); });
        div.appendChild(b);
      });
      li.appendChild(div);
    }
    li.scrollIntoView({ block: 'nearest' });
  }

  function ask(text) {
    text = (text || '').trim();
    if (!text) {
      status.textContent = 'Hãy nhập câu hỏi.';
      input.focus();
      return;
    }
    add('me', text);
    input.value = '';
    send.disabled = true;
    status.textContent = 'Đang tìm câu trả lời…';
    var payload = { message: text, channel: 'web' };
    if (sessionId) { payload.sessionId = sessionId; }
    fetch('/api/chat', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(payload) })
      .then(function (r) { return r.json().then(function (b) { return { ok: r.ok, body: b }; }); })
      .then(function (res) {
        if (!res.ok) {
          add('bot fallback', res.body.error || 'Không gửi được câu hỏi.');
        } else {
          sessionId = res.body.sessionId;
          try { sessionStorage.setItem('hoidap-session', sessionId); } catch (e) { /* ignore */ }
          showAnswer(res.body);
        }
        status.textContent = '';
      })
      .catch(function () {
        add('bot fallback', 'Không kết nối được máy chủ. Vui lòng thử lại.');
        status.textContent = '';
      })
      .then(function () { send.disabled = false; input.focus(); });
  }

  form.addEventListener('submit', function (e) { e.preventDefault(); ask(input.value); });
  input.addEventListener('keydown', function (e) {
    if (e.key === 'Enter' && !e.shiftKey) { e.preventDefault(); ask(input.value); }
  });
  Array.prototype.forEach.call(document.querySelectorAll('.example'), function (b) {
    b.addEventListener('click', function () { ask(b.textContent); });
  });
  // A shared link /?q=... asks its question on arrival.
  var q = new URLSearchParams(window.location.search).get('q');
  if (q) { ask(q); }
})();

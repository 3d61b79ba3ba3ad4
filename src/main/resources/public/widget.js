// The embeddable assistant: one <script src=".../static/widget.js" data-title="…" data-province="…" defer>.
// It adds a button in the corner; the panel is an iframe of /tro-ly/nhung on this service, inside a shadow root,
// so the host page's styles and ours never touch. Nothing from the host page is read or sent.
(function () {
  'use strict';
  var script = document.currentScript;
  if (!script || !script.src || !document.body.attachShadow) { return; }
  var origin = new URL(script.src, window.location.href).origin;
  var title = (script.getAttribute('data-title') || 'Hỏi đáp Chuyển đổi số').slice(0, 80);
  var province = script.getAttribute('data-province') || '';
  var host = document.createElement('div');
  host.setAttribute('data-hoidap-widget', '');
  document.body.appendChild(host);
  var root = host.attachShadow({ mode: 'open' });
  // Styles come from a file of this service, not an inline <style>: pages with a strict CSP (this portal's
  // own included) refuse inline styles.
  var style = document.createElement('link');
  style.rel = 'stylesheet';
  style.href = origin + '/static/widget.css';
  var button = document.createElement('button');
  button.type = 'button';
  button.className = 'launch';
  button.textContent = 'Hỏi trợ lý';
  button.setAttribute('aria-expanded', 'false');
  var panel = document.createElement('div');
  panel.className = 'panel';
  panel.hidden = true;
  panel.setAttribute('role', 'dialog');
  panel.setAttribute('aria-label', title);
  var bar = document.createElement('div');
  bar.className = 'bar';
  var name = document.createElement('span');
  name.textContent = title;
  var close = document.createElement('button');
  close.type = 'button';
  close.className = 'close';
  close.setAttribute('aria-label', 'Đóng trợ lý');
  close.textContent = '×';
  bar.appendChild(name);
  bar.appendChild(close);
  panel.appendChild(bar);
  var frame = null;
  function open() {
    if (!frame) {
      frame = document.createElement('iframe');
      frame.title = title;
      frame.src = origin + '/tro-ly/nhung?tieu-de=' + encodeURIComponent(title) +
        (province ? '&tinh=' + encodeURIComponent(province) : '');
      panel.appendChild(frame);
    }
    panel.hidden = false;
    button.setAttribute('aria-expanded', 'true');
    close.focus();
  }
  function shut() {
    panel.hidden = true;
    button.setAttribute('aria-expanded', 'false');
    button.focus();
  }
  button.addEventListener('click', function () { if (panel.hidden) { open(); } else { shut(); } });
  close.addEventListener('click', shut);
  root.addEventListener('keydown', function (e) { if (e.key === 'Escape' && !panel.hidden) { shut(); } });
  // Escape pressed inside the panel's frame (chat.js there posts 'hoidap:close'); only our frame is listened to.
  window.addEventListener('message', function (e) {
    if (frame && e.source === frame.contentWindow && e.origin === origin && e.data === 'hoidap:close' && !panel.hidden) {
      shut();
    }
  });
  root.appendChild(style);
  root.appendChild(panel);
  root.appendChild(button);
})();

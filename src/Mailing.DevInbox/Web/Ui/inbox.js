'use strict';
// The web inbox: list, search, message view and chaos panel. Message data only ever reaches the page
// through textContent and attributes; the message's HTML is shown solely inside the sandboxed iframe.
(() => {
  const $ = (id) => document.getElementById(id);
  const state = { selected: null, query: '', remote: false, mobile: false, listed: 0 };

  const api = (path, options) => fetch('api/' + path, options);

  function element(tag, text, className) {
    const node = document.createElement(tag);
    if (text !== undefined) node.textContent = text;
    if (className) node.className = className;
    return node;
  }

  const size = (bytes) => bytes < 1024 ? `${bytes} B` : bytes < 1048576 ? `${(bytes / 1024).toFixed(1)} KB` : `${(bytes / 1048576).toFixed(1)} MB`;

  function when(iso) {
    const date = new Date(iso);
    const today = new Date().toDateString() === date.toDateString();
    return today ? date.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', second: '2-digit' }) : date.toLocaleString();
  }

  // ---- list ----

  async function loadList() {
    const ticket = ++state.listed;
    const response = await api('messages?query=' + encodeURIComponent(state.query));
    if (ticket !== state.listed) return; // a newer search or event already redrew the list
    const items = $('messages');
    if (!response.ok) {
      const problem = await response.json().catch(() => ({}));
      items.replaceChildren(element('li', problem.detail ?? 'The search could not be read.', 'empty error'));
      return;
    }

    const list = await response.json();
    if (ticket !== state.listed) return;
    $('capacity').textContent = `${list.total} message${list.total === 1 ? '' : 's'}${state.query ? ' match' : ''} · kept ${list.storage} · past ${list.capacity} the oldest is dropped`;
    items.replaceChildren(...list.messages.map(row));
    if (list.messages.length === 0) {
      items.append(element('li', state.query ? 'No message matches this search.' : 'No messages yet. Send to the SMTP port and they appear here.', 'empty'));
    }
  }

  function row(message) {
    const item = element('li', undefined, 'message');
    item.dataset.id = message.id;
    item.classList.toggle('selected', message.id === state.selected);

    const open = element('a', undefined, 'open');
    open.href = '#' + encodeURIComponent(message.id);
    const top = element('span', undefined, 'line');
    top.append(element('span', message.from || '(no sender)', 'from'), element('time', when(message.receivedAt), 'time'));
    top.lastChild.dateTime = message.receivedAt;
    top.lastChild.title = new Date(message.receivedAt).toString();
    const subject = element('span', undefined, 'line');
    subject.append(element('span', message.subject || '(no subject)', 'subject'));
    if (message.hasAttachments) {
      const clip = element('span', undefined, 'attachment-marker');
      clip.title = 'Has attachments';
      clip.setAttribute('role', 'img');
      clip.setAttribute('aria-label', 'has attachments');
      subject.append(clip);
    }
    const bottom = element('span', undefined, 'line muted');
    bottom.append(element('span', 'to ' + (message.to.join(', ') || '(no recipient)'), 'to'), element('span', size(message.size), 'size'));
    open.append(top, subject, bottom);

    const remove = element('button', '×', 'delete-one');
    remove.type = 'button';
    remove.title = 'Delete this message';
    remove.setAttribute('aria-label', `Delete “${message.subject || '(no subject)'}”`);
    remove.addEventListener('click', () => deleteMessage(message.id));
    item.append(open, remove);
    return item;
  }

  async function deleteMessage(id) {
    await api('messages/' + encodeURIComponent(id), { method: 'DELETE' });
    if (id === state.selected) location.hash = '';
    await loadList();
  }

  // ---- message view ----

  function showTab(name) {
    for (const button of document.querySelectorAll('#tabs button')) {
      button.setAttribute('aria-selected', String(button.dataset.tab === name));
    }
    for (const panel of document.querySelectorAll('#view-pane .tab')) panel.hidden = panel.id !== 'tab-' + name;
  }

  function frameSource() {
    return `api/messages/${encodeURIComponent(state.selected)}/html${state.remote ? '?remote=true' : ''}`;
  }

  function meta(name, value) {
    if (!value) return [];
    return [element('dt', name), element('dd', value)];
  }

  async function open(id) {
    const response = await api('messages/' + encodeURIComponent(id));
    if (!response.ok) {
      location.hash = '';
      return;
    }

    const message = await response.json();
    state.selected = id;
    state.remote = false;
    $('remote').checked = false;
    document.body.classList.add('viewing');
    $('view-pane').hidden = false;
    $('view-subject').textContent = message.subject || '(no subject)';
    $('view-meta').replaceChildren(
      ...meta('From', message.from),
      ...meta('To', message.to.join(', ')),
      ...meta('Cc', message.cc.join(', ')),
      ...meta('Envelope', `MAIL FROM ${message.mailFrom || '<>'} · RCPT TO ${message.rcptTo.join(', ')}`),
      ...meta('Received', `${new Date(message.receivedAt).toLocaleString()} · ${size(message.size)}`));
    $('frame').src = message.html === null ? 'about:blank' : frameSource();
    $('tab-text').textContent = message.text ?? '(no text part)';
    $('headers').replaceChildren(...message.headers.map((header) => {
      const line = document.createElement('tr');
      line.append(element('th', header.name), element('td', header.value));
      return line;
    }));
    $('download').href = `api/messages/${encodeURIComponent(id)}/raw`;
    showAttachments(message.attachments);
    tabLabel('attachments', 'Attachments', message.attachments.length);
    showTab(message.html === null ? 'text' : 'html');
    for (const item of document.querySelectorAll('#messages li')) item.classList.toggle('selected', item.dataset.id === id);

    const [raw, links, checks] = await Promise.all([
      api(`messages/${encodeURIComponent(id)}/source`).then((r) => r.text()),
      api(`messages/${encodeURIComponent(id)}/links`).then((r) => r.json()),
      api(`messages/${encodeURIComponent(id)}/checks`).then((r) => r.json()),
    ]);
    if (state.selected !== id) return;
    $('tab-raw').textContent = raw;
    showLinks(links);
    showChecks(checks);
  }

  function tabLabel(tab, name, count) {
    document.querySelector(`#tabs [data-tab=${tab}]`).textContent = count ? `${name} (${count})` : name;
  }

  function showLinks(links) {
    tabLabel('links', 'Links', links.length);
    $('tab-links').replaceChildren(...links.map((link) => {
      const item = element('li');
      item.append(element('span', link.text || '(no text)', 'link-text'));
      // Only web and mail links become clickable from the inbox's own page; anything else stays text.
      const safe = /^(https?:|mailto:)/i.test(link.href);
      const target = element(safe ? 'a' : 'code', link.href, 'link-href');
      if (safe) {
        target.href = link.href;
        target.target = '_blank';
        target.rel = 'noopener noreferrer';
      }
      item.append(target);
      return item;
    }));
    if (links.length === 0) $('tab-links').append(element('li', 'No links in the HTML part.', 'empty'));
  }

  function showChecks(checks) {
    tabLabel('checks', 'Checks', checks.length);
    $('tab-checks').replaceChildren(...checks.map((check) => {
      const item = element('li', undefined, 'check ' + check.severity);
      const title = element('p', undefined, 'check-title');
      title.append(element('code', check.id), element('strong', ' ' + check.title));
      item.append(title, element('p', check.detail, 'check-detail'));
      return item;
    }));
    if (checks.length === 0) $('tab-checks').append(element('li', 'No problems found.', 'empty ok'));
  }

  function showAttachments(parts) {
    $('tab-attachments').replaceChildren(...parts.map((part) => {
      const item = element('li');
      const link = element('a', part.fileName ?? (part.contentId ? `cid:${part.contentId}` : `part ${part.index}`));
      link.href = part.url;
      link.download = part.fileName ?? '';
      item.append(link, element('span', ` ${part.contentType} · ${size(part.size)}${part.contentId ? ` · inline as cid:${part.contentId}` : ''}`, 'muted'));
      return item;
    }));
    if (parts.length === 0) $('tab-attachments').append(element('li', 'No attachments.', 'empty'));
  }

  function closeView() {
    state.selected = null;
    document.body.classList.remove('viewing');
    $('view-pane').hidden = true;
    $('frame').src = 'about:blank';
    for (const item of document.querySelectorAll('#messages li.selected')) item.classList.remove('selected');
  }

  // The hash names the open message, so the browser's back button closes it (on a phone too).
  function route() {
    const id = decodeURIComponent(location.hash.slice(1));
    if (id) open(id);
    else closeView();
  }

  // ---- chaos panel ----

  function showChaosForm(chaos) {
    $('chaos-enabled').checked = chaos.enabled;
    if (chaos.enabled) {
      $('chaos-step').value = chaos.step;
      $('chaos-code').value = String(chaos.code);
      $('chaos-rate').value = String(chaos.rate);
    }
    $('chaos-panel').classList.toggle('on', chaos.enabled);
  }

  async function applyChaos() {
    const error = $('chaos-error');
    error.hidden = true;
    try {
      await MailingLive.setChaos($('chaos-enabled').checked
        ? { enabled: true, step: $('chaos-step').value, code: Number($('chaos-code').value), rate: Number($('chaos-rate').value) }
        : { enabled: false });
    } catch (failure) {
      error.textContent = failure.message;
      error.hidden = false;
      showChaosForm(await api('chaos').then((response) => response.json()));
    }
  }

  // ---- wiring ----

  let searching;
  $('search').addEventListener('input', (event) => {
    clearTimeout(searching);
    searching = setTimeout(() => { state.query = event.target.value.trim(); loadList(); }, 150);
  });
  $('delete-all').addEventListener('click', async () => {
    await api('messages', { method: 'DELETE' });
    location.hash = '';
    await loadList();
  });
  $('delete').addEventListener('click', () => deleteMessage(state.selected));
  $('back').addEventListener('click', () => { location.hash = ''; });
  $('width').addEventListener('click', () => {
    state.mobile = !state.mobile;
    $('frame').classList.toggle('mobile', state.mobile);
    $('width').setAttribute('aria-pressed', String(state.mobile));
    $('width').textContent = state.mobile ? 'Desktop width' : 'Mobile width';
  });
  $('remote').addEventListener('change', (event) => {
    state.remote = event.target.checked;
    $('frame').src = frameSource();
  });
  for (const button of document.querySelectorAll('#tabs button')) button.addEventListener('click', () => showTab(button.dataset.tab));
  $('chaos-form').addEventListener('submit', (event) => event.preventDefault());
  $('chaos-form').addEventListener('change', applyChaos);
  MailingLive.onChaos(showChaosForm);

  for (const kind of ['received', 'deleted', 'cleared']) MailingLive.events.addEventListener(kind, loadList);
  // After a dropped stream reconnects, events in between are lost: read the list afresh.
  MailingLive.events.addEventListener('open', loadList);
  window.addEventListener('hashchange', route);

  loadList();
  route();
})();

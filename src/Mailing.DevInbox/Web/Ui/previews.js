"use strict";

// The previews page: lists the app's [EmailPreview] samples, renders one in the chosen culture, sends it to the inbox.
// Data only ever reaches the page through textContent and attributes, never as markup.
(() => {
  const list = document.getElementById("preview-list");
  const empty = document.getElementById("empty");
  const view = document.getElementById("preview");
  const culture = document.getElementById("culture");
  const title = document.getElementById("preview-title");
  const description = document.getElementById("preview-description");
  const subject = document.getElementById("preview-subject");
  const frame = document.getElementById("preview-html");
  const text = document.getElementById("preview-text");
  const send = document.getElementById("send");
  const sendStatus = document.getElementById("send-status");
  const error = document.getElementById("error");
  let selected = null;

  const savedCulture = localStorage.getItem("mailing.previews.culture");
  if (savedCulture !== null && [...culture.options].some((o) => o.value === savedCulture)) {
    culture.value = savedCulture;
  }

  function showError(message) {
    error.textContent = message;
    error.hidden = message === "";
  }

  async function problemOf(response) {
    try {
      const body = await response.json();
      return body.detail || body.title || response.statusText;
    } catch {
      return response.statusText;
    }
  }

  function withCulture(url) {
    return culture.value === "" ? url : `${url}?culture=${encodeURIComponent(culture.value)}`;
  }

  function group(previews) {
    const byTemplate = new Map();
    for (const preview of previews) {
      if (!byTemplate.has(preview.template)) {
        byTemplate.set(preview.template, []);
      }
      byTemplate.get(preview.template).push(preview);
    }
    return byTemplate;
  }

  function renderList(previews) {
    list.replaceChildren();
    empty.hidden = previews.length > 0;
    for (const [template, items] of group(previews)) {
      const entry = document.createElement("li");
      const heading = document.createElement("span");
      heading.className = "previews-template";
      heading.textContent = template;
      const inner = document.createElement("ul");
      for (const preview of items) {
        const item = document.createElement("li");
        const button = document.createElement("button");
        button.type = "button";
        button.textContent = preview.displayName;
        if (preview.description) {
          button.title = preview.description;
        }
        button.addEventListener("click", () => select(preview, button));
        item.append(button);
        inner.append(item);
      }
      entry.append(heading, inner);
      list.append(entry);
    }
  }

  async function select(preview, button) {
    selected = preview;
    for (const other of list.querySelectorAll("button[aria-current]")) {
      other.removeAttribute("aria-current");
    }
    if (button) {
      button.setAttribute("aria-current", "true");
    }
    await show();
  }

  async function show() {
    if (selected === null) {
      return;
    }
    sendStatus.textContent = "";
    const response = await fetch(withCulture(selected.url), { headers: { Accept: "application/json" } });
    if (!response.ok) {
      view.hidden = true;
      showError(await problemOf(response));
      return;
    }
    const detail = await response.json();
    showError("");
    title.textContent = `${detail.template} · ${detail.displayName}`;
    description.textContent = detail.description || "";
    description.hidden = !detail.description;
    subject.textContent = detail.subject;
    frame.src = detail.htmlUrl;
    text.textContent = detail.text;
    send.dataset.url = detail.sendUrl;
    view.hidden = false;
  }

  send.addEventListener("click", async () => {
    if (!send.dataset.url) {
      return;
    }
    send.disabled = true;
    sendStatus.textContent = "Sending…";
    try {
      const response = await fetch(send.dataset.url, { method: "POST" });
      if (!response.ok) {
        sendStatus.textContent = "";
        showError(await problemOf(response));
        return;
      }
      const sent = await response.json();
      sendStatus.textContent = `In the inbox, to ${sent.to}. `;
      const link = document.createElement("a");
      link.href = "./";
      link.textContent = "Open the inbox";
      sendStatus.append(link);
    } finally {
      send.disabled = false;
    }
  });

  culture.addEventListener("change", () => {
    localStorage.setItem("mailing.previews.culture", culture.value);
    show();
  });

  async function load() {
    const response = await fetch("api/previews", { headers: { Accept: "application/json" } });
    if (!response.ok) {
      showError(await problemOf(response));
      return;
    }
    const body = await response.json();
    renderList(body.previews);
  }

  load();
})();

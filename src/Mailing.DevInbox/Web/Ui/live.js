'use strict';
// Shared by every page of the inbox: the one server-sent event stream, and the chaos banner.
// A page that includes this script shows the banner while chaos mode is on, whatever view it is.
// Every URL is relative, so the inbox works at / and embedded under a prefix such as /_mailing/.
// Load it with defer (the banner goes into the body).
window.MailingLive = (() => {
  const events = new EventSource('api/events');
  const chaosListeners = [];
  const steps = { auth: 'AUTH', mail: 'MAIL FROM', rcpt: 'RCPT TO', data: 'DATA' };

  function banner() {
    let element = document.getElementById('chaos-banner');
    if (!element) {
      element = document.createElement('div');
      element.id = 'chaos-banner';
      element.setAttribute('role', 'alert');
      document.body.prepend(element);
    }
    return element;
  }

  function show(chaos) {
    const element = banner();
    element.hidden = !chaos.enabled;
    element.replaceChildren();
    if (chaos.enabled) {
      const percent = Math.round(chaos.rate * 100);
      const words = document.createElement('span');
      words.textContent = `Chaos mode is ON: SMTP ${steps[chaos.step] ?? chaos.step} is answered with ${chaos.code} ${percent === 100 ? 'every time' : `${percent}% of the time`}.`;
      const off = document.createElement('button');
      off.type = 'button';
      off.id = 'chaos-banner-off';
      off.textContent = 'Turn off';
      off.addEventListener('click', () => setChaos({ enabled: false }));
      element.append(words, off);
    }
    for (const listener of chaosListeners) listener(chaos);
  }

  async function setChaos(state) {
    const response = await fetch('api/chaos', { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(state) });
    if (!response.ok) {
      const problem = await response.json().catch(() => ({}));
      throw new Error(problem.detail ?? `The inbox answered ${response.status}.`);
    }
    show(await response.json());
  }

  events.addEventListener('chaos', (event) => show(JSON.parse(event.data)));
  // On the first connection and after every reconnection: a change made meanwhile was not heard.
  events.addEventListener('open', () => fetch('api/chaos').then((response) => response.json()).then(show));

  return {
    events,
    setChaos,
    onChaos: (listener) => chaosListeners.push(listener),
  };
})();

// The run report's only script (loaded with the page's nonce; no network, no eval). It adds a hover readout to the
// charts and swaps in a new body when the extension posts a live update. The HTML itself is built by the extension.
// @ts-check
(function () {
  'use strict';
  const PAD_LEFT = 56;
  const PAD_RIGHT = 12;
  const WIDTH = 640;

  /** @param {Element} root */
  function bindCharts(root) {
    for (const fig of root.querySelectorAll('figure.chart')) {
      const svg = fig.querySelector('svg');
      const out = fig.querySelector('output.readout');
      if (!svg || !out) continue;
      const tMax = Number(fig.getAttribute('data-tmax')) || 1;
      const unit = fig.getAttribute('data-unit') || '';
      const series = Array.from(fig.querySelectorAll('path.line')).map((p) => ({
        name: p.getAttribute('data-name') || '',
        points: (p.getAttribute('data-points') || '')
          .split(';')
          .filter(Boolean)
          .map((pair) => pair.split(',').map(Number)),
      }));
      svg.addEventListener('mousemove', (ev) => {
        const box = svg.getBoundingClientRect();
        const x = ((ev.clientX - box.left) / box.width) * WIDTH;
        const t = ((x - PAD_LEFT) / (WIDTH - PAD_LEFT - PAD_RIGHT)) * tMax;
        const parts = [];
        for (const s of series) {
          let best;
          for (const pt of s.points) if (!best || Math.abs(pt[0] - t) < Math.abs(best[0] - t)) best = pt;
          if (best) parts.push(s.name + ' ' + best[1] + (unit === '%' ? '%' : ' ' + unit));
        }
        out.textContent = parts.length ? '+' + Math.max(0, Math.round(t / 1000)) + 's: ' + parts.join(', ') : '';
      });
      svg.addEventListener('mouseleave', () => {
        out.textContent = '';
      });
    }
  }

  const main = document.getElementById('report');
  if (main) bindCharts(main);
  window.addEventListener('message', (ev) => {
    const msg = ev.data;
    if (!main || !msg || msg.type !== 'update' || typeof msg.html !== 'string') return;
    // Keep open <details> open across updates.
    const open = Array.from(main.querySelectorAll('details[open] > summary')).map((s) => s.textContent);
    main.innerHTML = msg.html;
    for (const s of main.querySelectorAll('details > summary')) if (open.includes(s.textContent)) s.parentElement?.setAttribute('open', '');
    bindCharts(main);
  });
})();

// Layout measurements of a page as Chromium draws it, for the browser suite (e2e.mjs).
//
// Each function here runs inside the page (page.evaluate), so it must not use anything from
// this module's scope. Each returns a list of problems (strings); an empty list passes.

/** Words of 12 letters or fewer split across two lines, and numbers parted from their unit. */
export function brokenWords() {
  const problems = [];
  const UNIT = /(\d)([ \u00a0\u202f])(€|km|Uhr|%|Jahre?n?|Einwohner|years?|ans|lat[a]?|rok|roku|років|роки|рік|yıl|שנים|שנה)(?![\p{L}])/gu;
  const visibleLines = (range) => {
    const tops = [];
    for (const r of range.getClientRects()) {
      if (r.width === 0 && r.height === 0) continue;
      if (!tops.some((t) => Math.abs(t - r.top) < r.height / 2)) tops.push(r.top);
    }
    return tops.length;
  };
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT, {
    acceptNode(n) {
      const el = n.parentElement;
      if (!el || el.closest('svg, script, style, .skip-link, [aria-hidden="true"]')) return NodeFilter.FILTER_REJECT;
      return /\S/.test(n.data) ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_REJECT;
    },
  });
  const where = (el) => {
    const parts = [];
    for (let e = el; e && e !== document.body && parts.length < 3; e = e.parentElement) {
      parts.unshift(e.tagName.toLowerCase() + (e.classList.length ? '.' + [...e.classList].join('.') : ''));
    }
    return parts.join(' > ');
  };
  const range = document.createRange();
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (n.parentElement.getClientRects().length === 0) continue;
    for (const m of n.data.matchAll(/[\p{L}\p{N}]+/gu)) {
      const letters = [...m[0]].length;
      if (letters < 2 || letters > 12) continue;
      range.setStart(n, m.index);
      range.setEnd(n, m.index + m[0].length);
      if (visibleLines(range) > 1) problems.push(`"${m[0]}" is split across lines in ${where(n.parentElement)}`);
    }
    for (const m of n.data.matchAll(UNIT)) {
      range.setStart(n, m.index);
      range.setEnd(n, m.index + m[0].length);
      if (visibleLines(range) > 1) problems.push(`"${m[0]}" parts a number from its unit in ${where(n.parentElement)}`);
      else if (m[2] === ' ') problems.push(`"${m[0]}" joins a number and its unit with a breaking space in ${where(n.parentElement)}`);
    }
  }
  return problems.slice(0, 12);
}

/** Every value column of a definition list is at least 10 characters wide. */
export function narrowValues() {
  const problems = [];
  for (const dd of document.querySelectorAll('main dd')) {
    const r = dd.getBoundingClientRect();
    if (r.width === 0 && r.height === 0) continue;
    const probe = document.createElement('span');
    probe.style.cssText = 'display:inline-block;width:10ch;padding:0;border:0;margin:0';
    dd.appendChild(probe);
    const tenCh = probe.getBoundingClientRect().width;
    probe.remove();
    if (r.width + 0.5 < tenCh) {
      const dt = dd.previousElementSibling?.textContent?.trim() ?? '?';
      problems.push(`the value of "${dt}" is ${Math.round(r.width)}px wide, less than 10 characters (${Math.round(tenCh)}px)`);
    }
  }
  return problems;
}

/** Running text is no wider than about 90 characters a line. */
export function longLines() {
  const problems = [];
  for (const p of document.querySelectorAll('main p, main .prose li')) {
    if (p.closest('table, nav, .cards, .contacts, .facts, figure, svg')) continue;
    const r = p.getBoundingClientRect();
    if (r.width === 0 || r.height < 2 * parseFloat(getComputedStyle(p).lineHeight || '20')) continue;
    const probe = document.createElement('span');
    probe.style.cssText = 'display:inline-block;width:90ch';
    p.appendChild(probe);
    const limit = probe.getBoundingClientRect().width;
    probe.remove();
    if (r.width > limit + 1) {
      problems.push(`a ${p.tagName.toLowerCase()} runs ${Math.round((r.width / limit) * 90)} characters a line: "${p.textContent.trim().slice(0, 50)}…"`);
    }
  }
  return problems.slice(0, 5);
}

/** The header leaves the first screen to the content; the footer closes the page. */
export function headerAndFooter(maxShare) {
  const problems = [];
  const header = document.querySelector('.site-header');
  const vh = window.innerHeight;
  if (header && maxShare) {
    const h = header.getBoundingClientRect().height;
    if (h > maxShare * vh) problems.push(`the header is ${Math.round(h)}px tall, ${Math.round((100 * h) / vh)} % of the first screen (at most ${100 * maxShare} %)`);
  }
  const brand = document.querySelector('.brand');
  const button = document.querySelector('.menu > summary');
  if (brand && button && button.getClientRects().length) {
    const a = brand.getBoundingClientRect();
    const b = button.getBoundingClientRect();
    const text = brand.querySelector('span') ?? brand;
    const t = text.getBoundingClientRect();
    if (Math.max(a.left, t.left) < b.right && b.left < Math.max(a.right, t.right) && a.top < b.bottom && b.top < a.bottom && t.right > b.left && t.left < b.right) {
      problems.push('the site title runs into the menu button');
    }
    if (text.scrollWidth > text.clientWidth + 1) problems.push('the site title is wider than its box');
  }
  const footer = document.querySelector('.site-footer');
  if (footer) {
    const bottom = footer.getBoundingClientRect().bottom + window.scrollY;
    const page = Math.max(document.documentElement.scrollHeight, vh);
    if (page - bottom > 1) problems.push(`${Math.round(page - bottom)}px of background show below the footer`);
  }
  const h1 = document.querySelector('main h1');
  const h2 = document.querySelector('main h2');
  if (h1 && h2) {
    const s1 = parseFloat(getComputedStyle(h1).fontSize);
    const s2 = parseFloat(getComputedStyle(h2).fontSize);
    if (s1 < 1.2 * s2) problems.push(`h1 (${s1}px) is hardly larger than h2 (${s2}px)`);
  }
  for (const nav of document.querySelectorAll('.month-nav a')) {
    if (nav.getClientRects().length > 1 || nav.getBoundingClientRect().height > 2 * parseFloat(getComputedStyle(nav).lineHeight || '24')) {
      problems.push(`the calendar link "${nav.textContent.trim()}" wraps`);
    }
  }
  return problems;
}

/** A month grid shows each event at most once per week row. */
export function repeatedChips() {
  const problems = [];
  for (const row of document.querySelectorAll('table.month tbody tr')) {
    const seen = new Map();
    for (const a of row.querySelectorAll('a[href]')) {
      const href = a.getAttribute('href');
      seen.set(href, (seen.get(href) ?? 0) + 1);
    }
    for (const [href, n] of seen) if (n > 1) problems.push(`${href} appears ${n} times in one week row`);
  }
  return problems;
}

/**
 * The maps: no two labels overlap, the marker nearest to each label is its own, labels are
 * legible (at least `minFont` px as drawn) and every marker can be tapped (24 × 24 px).
 */
export function mapProblems(minFont) {
  const problems = [];
  const shown = (el) => {
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden';
  };
  for (const svg of document.querySelectorAll('svg.twinmap')) {
    if (!shown(svg)) continue;
    const name = svg.querySelector('title')?.textContent?.trim() ?? 'map';
    const markers = [...svg.querySelectorAll('a.m, g.home')].filter(shown);
    const labels = [];
    for (const m of markers) {
      const sym = m.querySelector('.sym');
      if (!sym) continue;
      const s = sym.getBoundingClientRect();
      m.__centre = { x: s.x + s.width / 2, y: s.y + s.height / 2 };
      const hit = m.querySelector('.hit') ?? m;
      const h = hit.getBoundingClientRect();
      if (m.matches('a') && (h.width < 23.5 || h.height < 23.5)) {
        problems.push(`${name}: the marker ${m.getAttribute('aria-label')} can be tapped only in ${Math.round(h.width)}×${Math.round(h.height)}px`);
      }
      for (const t of m.querySelectorAll(':scope > text.lbl, :scope > g > text.lbl')) {
        if (!shown(t)) continue;
        labels.push({ text: t.textContent.trim(), box: t.getBoundingClientRect(), own: m, el: t });
      }
    }
    for (const l of labels) {
      if (l.box.height < minFont) problems.push(`${name}: the label "${l.text}" is ${l.box.height.toFixed(1)}px tall (at least ${minFont}px)`);
    }
    const overlap = (a, b) => a.x < b.x + b.width - 0.5 && b.x < a.x + a.width - 0.5 && a.y < b.y + b.height - 0.5 && b.y < a.y + a.height - 0.5;
    for (let i = 0; i < labels.length; i++) {
      for (let j = i + 1; j < labels.length; j++) {
        if (overlap(labels[i].box, labels[j].box)) problems.push(`${name}: the labels "${labels[i].text}" and "${labels[j].text}" overlap`);
      }
    }
    const dist = (box, c) => {
      const dx = Math.max(box.x - c.x, 0, c.x - (box.x + box.width));
      const dy = Math.max(box.y - c.y, 0, c.y - (box.y + box.height));
      return Math.hypot(dx, dy);
    };
    for (const l of labels) {
      if (!l.own.__centre) continue;
      const mine = dist(l.box, l.own.__centre);
      for (const m of markers) {
        if (m === l.own || !m.__centre) continue;
        // The same city drawn twice (world map and detail map) is still its own marker.
        if (m.getAttribute('href') && m.getAttribute('href') === l.own.getAttribute('href')) continue;
        if (dist(l.box, m.__centre) + 0.5 < mine) {
          problems.push(`${name}: the label "${l.text}" is nearer to ${m.getAttribute('aria-label') ?? 'the home marker'} than to its own marker`);
          break;
        }
      }
    }
  }
  return problems.slice(0, 15);
}

/**
 * A marker that carries a number instead of its name is named in the key beside its map, and
 * the /map/ page's table lists every partner city shown on a map.
 */
export function mapKey() {
  const problems = [];
  for (const m of document.querySelectorAll('a.m.numbered')) {
    if (m.getClientRects().length === 0) continue;
    const n = (m.querySelector('text.num, text.num-in')?.textContent ?? '').trim();
    const variant = m.closest('.twinmap-v') ?? m.closest('figure') ?? document;
    const entry = [...variant.querySelectorAll('ol.map-key li')].find((li) => li.getAttribute('value') === n);
    if (!entry) problems.push(`the numbered marker ${m.getAttribute('aria-label')} has no entry ${n} in the key`);
    else if (entry.querySelector('a')?.getAttribute('href') !== m.getAttribute('href')) problems.push(`key entry ${n} does not lead to ${m.getAttribute('href')}`);
    else if (entry.getClientRects().length === 0) problems.push(`key entry ${n} is not shown`);
  }
  const table = document.querySelector('table.cities-table');
  if (table) {
    const listed = new Set([...table.querySelectorAll('a[href]')].map((a) => a.getAttribute('href')));
    for (const m of document.querySelectorAll('a.m')) {
      if (!listed.has(m.getAttribute('href'))) problems.push(`${m.getAttribute('aria-label')} is on the map but not in the table`);
    }
  }
  return problems;
}

/**
 * Photos: each has width and height (so nothing jumps while it loads) and an alt attribute;
 * it is drawn in its own shape unless the theme crops it on purpose (object-fit: cover); the
 * size the browser loaded is the WebP from the srcset that is just large enough for the box.
 */
export function photoProblems() {
  const out = [];
  const pictures = [...document.querySelectorAll('main picture')];
  pictures.forEach((pic, i) => {
    const img = pic.querySelector('img');
    const source = pic.querySelector('source');
    const name = img?.getAttribute('src') ?? `picture ${i + 1}`;
    if (!img) return out.push(`${name}: a picture without img`);
    if (!img.hasAttribute('alt')) out.push(`${name}: no alt attribute`);
    if (!source) return;
    const w = Number(img.getAttribute('width'));
    const h = Number(img.getAttribute('height'));
    if (!(w > 0 && h > 0)) return out.push(`${name}: no width and height, so the page jumps while it loads`);
    const box = img.getBoundingClientRect();
    const cropped = getComputedStyle(img).objectFit === 'cover';
    if (box.width > 0 && !cropped) {
      const drawn = box.height / box.width;
      if (Math.abs(drawn - h / w) > 0.02 * (h / w)) {
        out.push(`${name}: drawn ${Math.round(box.width)}×${Math.round(box.height)}, not in its shape ${w}×${h}`);
      }
    }
    if (!img.complete || !img.naturalWidth || box.width === 0) return;
    const loaded = img.currentSrc;
    const cands = source.srcset
      .split(',')
      .map((c) => c.trim().split(/\s+/))
      .map(([url, ww]) => ({ url: new URL(url, location.href).href, w: parseInt(ww, 10) }))
      .sort((a, b) => a.w - b.w);
    const got = cands.find((c) => c.url === loaded);
    if (!got) return out.push(`${name}: loaded ${loaded}, not a WebP of its srcset`);
    const need = box.width * devicePixelRatio;
    const enough = cands.find((c) => c.w >= need) ?? cands[cands.length - 1];
    if (got.w < enough.w) out.push(`${name}: loaded the ${got.w} px size for a ${Math.round(need)} px box (blurred)`);
    if (got.w > enough.w) out.push(`${name}: loaded the ${got.w} px size for a ${Math.round(need)} px box; ${enough.w} px would do`);
  });
  // The first picture of a page is its largest paint: it must not wait for scrolling.
  const first = pictures[0]?.querySelector('img');
  if (first && first.loading === 'lazy' && first.getBoundingClientRect().top + scrollY < innerHeight) {
    out.push(`${first.getAttribute('src')}: the first picture, in the first screen, loads lazily`);
  }
  return out;
}

/**
 * Events from a network's sources (those with a "Quelle: …" line): every line of the item is
 * drawn inside it without covering another (date, title, badge, time and place, source), the
 * source line can be read (drawn, not clipped, inside the window), and titles, long ones from
 * elsewhere above all, wrap inside their column instead of running out of it.
 */
export function sourceLines() {
  const problems = [];
  const vw = document.documentElement.clientWidth;
  const shown = (el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
  const overlap = (a, b) => a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;
  const inside = (a, b) => a.left >= b.left - 0.5 && a.right <= b.right + 0.5 && a.top >= b.top - 0.5 && a.bottom <= b.bottom + 0.5;
  const what = (el) => el.tagName.toLowerCase() + (el.classList.length ? '.' + [...el.classList].join('.') : '');
  let previous = null;
  for (const li of document.querySelectorAll('main li.event')) {
    const source = li.querySelector('.meta.source');
    if (!source || !shown(li)) continue;
    const name = `"${(li.querySelector('.event-title')?.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40)}"`;
    const item = li.getBoundingClientRect();
    if (previous && overlap(item, previous)) problems.push(`${name} covers the event before it`);
    previous = item;
    const body = li.querySelector('.event-body') ?? li;
    const parts = [li.querySelector('.event-date'), ...body.children].filter((el) => el && shown(el));
    const boxes = parts.map((el) => el.getBoundingClientRect());
    parts.forEach((el, i) => {
      if (!inside(boxes[i], item)) problems.push(`${name}: its ${what(el)} reaches outside the item`);
      if (el.scrollWidth > el.clientWidth + 1) problems.push(`${name}: its ${what(el)} runs out of its box (${el.scrollWidth}px in ${el.clientWidth}px)`);
      for (let j = 0; j < i; j++) if (overlap(boxes[i], boxes[j])) problems.push(`${name}: its ${what(el)} covers its ${what(parts[j])}`);
    });
    const r = source.getBoundingClientRect();
    const cs = getComputedStyle(source);
    if (!shown(source) || r.height < 0.8 * parseFloat(cs.fontSize) || parseFloat(cs.opacity) === 0 || /, 0\)$|transparent/.test(cs.color)) {
      problems.push(`${name}: the source line is not drawn`);
    } else if (r.left < 0 || r.right > vw + 1) {
      problems.push(`${name}: the source line reaches from ${Math.round(r.left)}px to ${Math.round(r.right)}px in a ${vw}px window`);
    }
  }
  return [...new Set(problems)].slice(0, 12);
}

// The search page: asks the site's Pagefind index (the pagefind/ folder beside this file) and
// lists what it finds. Nothing leaves the site. Without JavaScript or WebAssembly, or opened
// from a disk, the page keeps its lists of every city, association and event.
(() => {
  const form = document.querySelector("form[data-search]");
  const found = document.querySelector("[data-search-found]");
  if (!form || !found) return;
  const input = form.querySelector("input[name=q]");
  const status = found.querySelector("[data-search-status]");
  const list = found.querySelector("[data-search-list]");
  const root = new URL(".", document.currentScript.src);
  const lang = document.documentElement.lang || "en";
  const plural = new Intl.PluralRules(lang);
  const MAX = 30;
  let engine = null;
  let turn = 0;

  const load = () =>
    (engine ??= import(new URL("pagefind/pagefind.js", root).href).then(async (pf) => {
      await pf.options({ excerptLength: 24 });
      await pf.init();
      return pf;
    }));

  const count = (n) => {
    const forms = found.dataset;
    const form = forms[plural.select(n)] ?? forms.other ?? "{count}";
    return form.replace("{count}", n.toLocaleString(lang));
  };

  // The excerpt Pagefind returns marks the words found with <mark>; only those and plain
  // text are taken over, never other markup.
  const excerpt = (html) => {
    const t = document.createElement("template");
    t.innerHTML = html;
    return [...t.content.childNodes].map((n) => {
      if (n.nodeName !== "MARK") return document.createTextNode(n.textContent);
      const m = document.createElement("mark");
      m.textContent = n.textContent;
      return m;
    });
  };

  const item = (d) => {
    const li = document.createElement("li");
    const h = document.createElement("h3");
    const a = document.createElement("a");
    a.href = d.url;
    a.textContent = d.meta.title || d.url;
    h.append(a);
    const kind = document.createElement("p");
    kind.className = "search-kind";
    kind.textContent = [d.meta.kind, d.meta.date].filter(Boolean).join(" · ");
    const p = document.createElement("p");
    p.append(...excerpt(d.excerpt || ""));
    li.append(h, kind, p);
    return li;
  };

  // A page whose title is what was typed comes first ("Lyon" finds the city before the
  // events in Lyon), then those whose title starts with it; otherwise Pagefind's order.
  const fold = (s) => s.normalize("NFD").replace(/\p{M}/gu, "").toLocaleLowerCase(lang).trim();
  const titleFirst = (items, q) => {
    const want = fold(q);
    const rank = (d) => {
      const title = fold(d.meta.title || "");
      return title === want ? 0 : title.startsWith(want) ? 1 : 2;
    };
    return items.map((d, i) => [rank(d), i, d]).sort((a, b) => a[0] - b[0] || a[1] - b[1]).map((x) => x[2]);
  };

  const show = (items, total) => {
    list.replaceChildren(...items.map(item));
    list.hidden = items.length === 0;
    status.textContent = total === 0 ? found.dataset.none : count(total);
  };

  const run = async (query) => {
    const mine = ++turn;
    const q = query.trim();
    const url = new URL(location.href);
    if (q) url.searchParams.set("q", q);
    else url.searchParams.delete("q");
    history.replaceState(null, "", url);
    if (!q) {
      list.replaceChildren();
      list.hidden = true;
      status.textContent = "";
      return;
    }
    let pf;
    try {
      pf = await load();
    } catch {
      return; // No index to be had (a page opened from disk): the lists below stay.
    }
    const res = await pf.debouncedSearch(q, {}, 150);
    if (res === null || mine !== turn) return;
    const data = await Promise.all(res.results.slice(0, MAX).map((r) => r.data()));
    if (mine === turn) show(titleFirst(data, q), res.results.length);
  };

  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    run(input.value);
  });
  input.addEventListener("input", () => run(input.value));
  const q = new URLSearchParams(location.search).get("q");
  if (q) {
    input.value = q;
    run(q);
  }
})();

//! Raw HTML and dangerous links in Markdown bodies: removed from pages, teasers, feeds and open
//! data unless `unsafe_html: true`, with a warning naming file and line; partnership markup
//! (tables, figures, details, abbreviations) survives.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::path::Path;

use common::*;

/// Every vector carries a marker `XSS<n>` in the part that must go, so no output file may
/// contain "XSS" at all.
const HOSTILE_BODY: &str = r#"Erster Absatz <img src=x onerror="XSS1()"> mit [Link](javascript:XSS2()) und <a href="jav&#x61;script:XSS3()">Text</a> und ![Bild](data:text/html,XSS4) und [vb](VBScript:XSS5) und [gemischt](JaVaScRiPt:XSS6()) und [ent](jav&#x61;script:XSS7()) und <JAVASCRIPT:XSS29>.

<script>XSS8()</script>

<iframe src="https://evil.example/XSS9"></iframe>

<style>body{background:url("javascript:XSS10")}</style>

<form action="https://evil.example/XSS11"><input name=a value=XSS12><button formaction="javascript:XSS13()">b</button></form>

<object data="https://evil.example/XSS14"></object><embed src="https://evil.example/XSS15">

<base href="https://evil.example/XSS16">

<meta http-equiv="refresh" content="0;url=https://evil.example/XSS17">

<svg><script>XSS18()</script><a xlink:href="javascript:XSS19()"><text>svg</text></a></svg>

<p style="color:red" onclick="XSS20()" onmouseover="XSS21()">styled</p>

<a href="&#106;avascript:XSS22()">dec</a> <a href="java&#x09;script:XSS23()">tab</a>

## Titel {onclick=XSS24 style=XSS25}

<details ontoggle="XSS26()" open><summary>s</summary>d</details>

<math><mi xlink:href="javascript:XSS27()">m</mi></math>

<noscript><p title="</noscript><img src=x onerror=XSS28()>"></noscript>
"#;

fn write(root: &Path, rel: &str, text: &str) {
    let p = root.join(rel);
    std::fs::create_dir_all(p.parent().unwrap()).unwrap();
    std::fs::write(p, text).unwrap();
}

fn append_config(root: &Path, line: &str) {
    let mut config = std::fs::read_to_string(root.join("site.yaml")).unwrap();
    config.push_str(line);
    std::fs::write(root.join("site.yaml"), config).unwrap();
}

/// The hostile fixture plus an event and a news item with [`HOSTILE_BODY`].
fn hostile_site() -> (tempfile::TempDir, std::path::PathBuf) {
    let (t, root) = temp_site("hostile");
    write(
        &root,
        "content/events/angriff.md",
        &format!("---\ntitle: Angriff\ndate: 2026-12-06\n---\n{HOSTILE_BODY}"),
    );
    write(
        &root,
        "content/news/angriff.md",
        &format!("---\ntitle: Angriff\ndate: 2026-11-01\n---\n{HOSTILE_BODY}"),
    );
    (t, root)
}

fn build_report(root: &Path) -> (tempfile::TempDir, std::path::PathBuf, Vec<String>) {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("public");
    let report = match twinsite::build(&opts(root), &out) {
        Ok(r) => r,
        Err(e) => panic!("build failed: {e:?}"),
    };
    let warnings = report.warnings.iter().map(ToString::to_string).collect();
    (dir, out, warnings)
}

#[test]
fn hostile_bodies_are_sanitised_in_pages_teasers_feeds_and_data() {
    let (_t, root) = hostile_site();
    let (_o, out, _) = build_report(&root);
    let event = read(&out, "events/angriff/index.html");
    assert!(event.contains("Erster Absatz"), "the body is on its page");
    assert!(
        read(&out, "news/index.html").contains("Erster Absatz"),
        "the teaser is on the news list"
    );
    assert!(read(&out, "atom.xml").contains("Erster Absatz"));
    assert!(read(&out, "data/events.json").contains("Erster Absatz"));
    // The search index is gzipped: what its pages hold is read through Python.
    for (url, _, content) in common::search_fragments(&out) {
        assert!(
            !content.contains("XSS"),
            "the search index of {url} keeps part of an attack"
        );
        assert!(
            !content.to_ascii_lowercase().contains("javascript:"),
            "{url}"
        );
    }
    for f in files(&out)
        .into_iter()
        .filter(|f| !f.starts_with("pagefind/"))
    {
        let text = read(&out, &f);
        assert!(!text.contains("XSS"), "{f} keeps part of an attack");
        let lower = text.to_ascii_lowercase();
        for bad in [
            "javascript:",
            "vbscript:",
            "data:text",
            "<iframe",
            "<object",
            "<embed",
        ] {
            assert!(!lower.contains(bad), "{f} contains {bad}");
        }
        if f.ends_with(".html") {
            assert_only_the_themes_own_script(&f, &markup_without_attribute_values(&text));
            let own = between(
                include_str!("../themes/default/templates/fresh.html"),
                "<script>",
                "</script>",
            )
            .unwrap()
            .trim();
            let markup =
                markup_without_attribute_values(&text.replace(own, "")).to_ascii_lowercase();
            for tag in markup.split('<').skip(1) {
                let tag = tag.split('>').next().unwrap_or("");
                assert!(
                    !tag.split_whitespace().skip(1).any(|a| a.starts_with("on")),
                    "{f} has an event handler in <{tag}>"
                );
                if tag.starts_with("script") {
                    // Besides JSON-LD and the page script, only the search page loads the
                    // theme's own search script.
                    let search =
                        f.ends_with("search/index.html") && tag == "script defer src=/search.js";
                    assert!(
                        tag.contains("application/ld+json") || tag == "script" || search,
                        "{f}: <{tag}>"
                    );
                }
            }
        }
    }
}

#[test]
fn removed_html_and_links_are_reported_with_their_line() {
    let (_t, root) = hostile_site();
    let (_o, _out, warnings) = build_report(&root);
    let w = |needle: &str| {
        warnings
            .iter()
            .find(|w| w.contains("content/events/angriff.md") && w.contains(needle))
            .unwrap_or_else(|| panic!("no warning with {needle} in {warnings:#?}"))
            .clone()
    };
    let col = HOSTILE_BODY.find("[Link]").unwrap() + 1;
    assert!(
        w("\"javascript:XSS2()\" is not allowed").contains(&format!("angriff.md:5:{col}:")),
        "{warnings:#?}"
    );
    assert!(w("the HTML tag <script> is not allowed").contains("angriff.md:7:1:"));
    assert!(w("<iframe>").contains("angriff.md:9:"));
    assert!(w("`onclick`").contains("unsafe_html: true"));
}

const GOOD_BODY: &str = r#"## Über uns

<table>
<caption>Besuche</caption>
<thead><tr><th scope="col">Jahr</th><th scope="col" colspan="2">Orte</th></tr></thead>
<tbody><tr><td rowspan="2">2025</td><td>Lyon</td><td>Krakau</td></tr></tbody>
</table>

<figure><img src="/images/rathaus.jpg" alt="Rathaus" width="640" height="480" loading="lazy"><figcaption>Das Rathaus</figcaption></figure>

<details><summary>Mehr</summary>

Versteckter **Text**.

</details>

Die <abbr title="Europäische Union">EU</abbr> fördert.

<dl><dt>Gründung</dt><dd>1963</dd></dl>

| Links | Mitte | Rechts |
|:--|:-:|--:|
| a | b | c |

Zurück [nach oben](#ueber-uns). Mail <info@example.org>, [Telefon](tel:+4930123), [Web](https://example.org/a?b=1&c=2).
"#;

#[test]
fn partnership_markup_survives_sanitising() {
    let (_t, root) = temp_site("hostile");
    append_config(&root, "minify: false\n");
    write(
        &root,
        "content/hallo.md",
        &format!("---\ntitle: Hallo\n---\n{GOOD_BODY}"),
    );
    let (_o, out, warnings) = build_report(&root);
    let page = read(&out, "hallo/index.html");
    for kept in [
        "<h2 id=\"ueber-uns\">",
        "<caption>Besuche</caption>",
        "<th scope=\"col\" colspan=\"2\">Orte</th>",
        "<td rowspan=\"2\">2025</td>",
        "<figure><img src=\"/images/rathaus.jpg\" alt=\"Rathaus\" width=\"640\" height=\"480\" loading=\"lazy\"><figcaption>Das Rathaus</figcaption></figure>",
        "<details><summary>Mehr</summary>",
        "<strong>Text</strong>",
        "<abbr title=\"Europäische Union\">EU</abbr>",
        "<dl><dt>Gründung</dt><dd>1963</dd></dl>",
        "<th style=\"text-align: center\">Mitte</th>",
        "<td style=\"text-align: right\">c</td>",
        "<a href=\"#ueber-uns\">nach oben</a>",
        "<a href=\"mailto:info@example.org\">",
        "<a href=\"tel:+4930123\">Telefon</a>",
        "<a href=\"https://example.org/a?b=1&amp;c=2\">Web</a>",
    ] {
        assert!(page.contains(kept), "{kept} missing in\n{page}");
    }
    assert!(
        !warnings.iter().any(|w| w.contains("not allowed")),
        "{warnings:#?}"
    );
}

#[test]
fn unsafe_html_lets_raw_html_through() {
    let (_t, root) = temp_site("hostile");
    append_config(&root, "minify: false\nunsafe_html: true\n");
    write(
        &root,
        "content/hallo.md",
        "---\ntitle: Hallo\n---\n<iframe src=\"https://video.example/embed/1\"></iframe>\n\n<p onclick=\"zeige()\">Klick</p>\n\n[Skript](javascript:zeige())\n",
    );
    let (_o, out, warnings) = build_report(&root);
    let page = read(&out, "hallo/index.html");
    for kept in [
        "<iframe src=\"https://video.example/embed/1\"></iframe>",
        "<p onclick=\"zeige()\">Klick</p>",
        "<a href=\"javascript:zeige()\">Skript</a>",
    ] {
        assert!(page.contains(kept), "{kept} missing in\n{page}");
    }
    assert!(
        !warnings.iter().any(|w| w.contains("not allowed")),
        "{warnings:#?}"
    );
}

#[test]
fn unsafe_html_must_be_true_or_false() {
    let (_t, root) = temp_site("hostile");
    append_config(&root, "unsafe_html: ja\n");
    let err = twinsite::load_site(&opts(&root)).err().expect("an error");
    assert!(
        err.iter().any(|d| d.to_string().contains("unsafe_html")
            && d.to_string().contains("`true` or `false`")),
        "{err:#?}"
    );
}

/// The one inline script a page may have is the theme's own (templates/fresh.html), unchanged:
/// nothing from front matter or Markdown reaches a script. `html` comes without attribute
/// values (a title in `content="…"` is no tag); each script runs from its tag to the next
/// `</script>`, as a browser reads it.
fn assert_only_the_themes_own_script(f: &str, html: &str) {
    let template = include_str!("../themes/default/templates/fresh.html");
    let own = markup_without_attribute_values(between(template, "<script>", "</script>").unwrap());
    let own = own.trim();
    let mut rest = html;
    while let Some(open) = rest.find("<script") {
        let after = &rest[open..];
        let tag_end = after.find('>').unwrap();
        let close = after.find("</script>").unwrap();
        if &after[..=tag_end] == "<script>" {
            let body = &after[tag_end + 1..close];
            assert_eq!(
                body.trim(),
                own,
                "{f}: an inline script that is not the theme's"
            );
        }
        rest = &after[close..];
    }
}

fn between<'a>(text: &'a str, open: &str, close: &str) -> Option<&'a str> {
    let start = text.find(open)? + open.len();
    let end = text[start..].find(close)? + start;
    Some(&text[start..end])
}

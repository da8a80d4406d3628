"""The page's CSS, its icon, and its one script: links between views of the page stay in the same session.

Every link of the page is a relative URL ("?q=…&country=…"). Without the script it is an ordinary
full-page link (the URL holds all the state, so nothing is lost); with it, a click pushes the URL
onto the history and lets Streamlit rerun in the same session, as its own back button does.
The script also lets Enter apply a typed date (Streamlit's date input applies it on Escape or on
clicking elsewhere).
"""

from __future__ import annotations

# The browser tab's icon, drawn here: a material or emoji icon would be fetched from the internet.
FAVICON_SVG = ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32">'
               '<rect x="3" y="5" width="26" height="22" rx="4" fill="#2563c9"/>'
               '<rect x="7" y="9" width="8" height="7" rx="1" fill="#fff"/>'
               '<path d="M18 10h7M18 14h7M7 19h18M7 23h18" stroke="#fff" stroke-width="2" stroke-linecap="round"/>'
               '</svg>')

SCROLL_TO_TOP = "document.querySelector('[data-testid=\"stMain\"]')?.scrollTo({top: 0}); window.scrollTo(0, 0);"

NAV_SCRIPT = """<script>
(() => {
  if (window.__newsSearchLinks) return;
  window.__newsSearchLinks = true;
  document.addEventListener("click", (event) => {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey
        || event.altKey) return;
    const link = event.target.closest ? event.target.closest("a[href^='?']") : null;
    if (!link || (link.target && link.target !== "_self")) return;
    event.preventDefault();
    window.history.pushState({}, "", link.getAttribute("href"));
    window.dispatchEvent(new PopStateEvent("popstate"));
    """ + SCROLL_TO_TOP + """
  }, true);
  document.addEventListener("keydown", (event) => {  // Enter in a date input applies it, as Escape does
    if (event.key !== "Enter" || !event.target.closest || !event.target.closest(".react-aria-DateField")) return;
    event.preventDefault();
    event.target.dispatchEvent(new KeyboardEvent("keydown", {key: "Escape", code: "Escape", bubbles: true}));
  }, true);
})();
</script>"""

CSS = """
<style>
.block-container, [data-testid="stMainBlockContainer"] { padding-top: 2.6rem; max-width: 1180px; }
.stAppDeployButton, [data-testid="stAppDeployButton"] { display: none; }
.ns-header { display: flex; align-items: flex-end; justify-content: space-between; gap: 1rem; flex-wrap: wrap; }
.ns-header h1 { font-size: 2.1rem; font-weight: 700; margin: 0; padding: 0; letter-spacing: -0.01em; }
.ns-header p { margin: .2rem 0 0; opacity: .72; font-size: 1rem; }
.ns-index { font-size: .8rem; opacity: .72; text-align: right; padding-bottom: .2rem; }
.ns-index-label { text-transform: uppercase; letter-spacing: .06em; font-weight: 700; font-size: .7rem;
  margin-right: .5em; }
mark { background: rgba(255, 204, 0, .42); color: inherit; padding: 0 .12em; border-radius: 3px; }
.ns-stats { font-size: .95rem; opacity: .88; }
.ns-count, .ns-range, .ns-time { white-space: nowrap; }
.ns-q { white-space: normal; overflow-wrap: anywhere; }
.ns-stats .ns-q { font-weight: 600; }
.ns-dot { margin: 0 .45em; opacity: .55; }
.ns-time { opacity: .75; }
.ns-section { font-size: .72rem; text-transform: uppercase; letter-spacing: .07em; font-weight: 700; opacity: .6;
  margin: .2rem 0 0; }
.ns-results { margin-top: .1rem; }
.ns-card { padding: .95rem 0 1rem; border-bottom: 1px solid rgba(128, 128, 128, .22); max-width: 54rem; }
.ns-card:last-child { border-bottom: none; }
.ns-title { display: inline-block; font-size: 1.14rem; font-weight: 600; line-height: 1.35;
  color: #2563c9 !important; text-decoration: none; overflow-wrap: anywhere; }
.ns-title:hover { text-decoration: underline; }
.ns-meta { font-size: .86rem; opacity: .7; margin: .2rem 0 .4rem; }
.ns-source { font-weight: 600; }
.ns-snippet { margin: 0 0 .5rem !important; line-height: 1.6; font-size: .97rem; overflow-wrap: anywhere; }
.ns-versions { font-size: .84rem; margin-top: .45rem; }
.ns-versions summary { cursor: pointer; opacity: .75; }
.ns-versions ul { margin: .3rem 0 0 1rem; padding: 0; }
.ns-versions .ns-meta { display: inline; }
.ns-tags { display: flex; flex-wrap: wrap; gap: .35rem 1rem; font-size: .78rem; }
.ns-group { display: inline-flex; flex-wrap: wrap; align-items: center; gap: .3rem; }
.ns-group-label { text-transform: uppercase; letter-spacing: .05em; font-size: .66rem; opacity: .6; font-weight: 600; }
.ns-tag { display: inline-block; padding: .06rem .55rem; border-radius: 999px; line-height: 1.5;
  background: rgba(128, 128, 128, .14); color: inherit !important; text-decoration: none !important;
  border: 1px solid transparent; }
.ns-tag-speaker { background: rgba(37, 99, 201, .12); }
.ns-tag-people { background: rgba(111, 66, 193, .12); }
.ns-tag-country, .ns-tag-region { background: rgba(30, 140, 80, .13); }
.ns-tag-theme { background: rgba(214, 120, 20, .15); }
.ns-tag-on { border-color: currentColor; font-weight: 600; }
a.ns-tag:hover { filter: brightness(.92); border-color: rgba(128, 128, 128, .5); }
.ns-more { opacity: .6; }
.ns-empty { padding: 2.5rem 1rem; text-align: center; border: 1px dashed rgba(128, 128, 128, .4); border-radius: .6rem;
  margin: 1rem 0; }
.ns-empty h3 { margin: 0 0 .35rem; padding: 0; font-size: 1.25rem; }
.ns-empty p { margin: 0; opacity: .7; }
.ns-pageinfo { text-align: center; opacity: .75; font-size: .92rem; }
.ns-back { font-size: .92rem; text-decoration: none; color: #2563c9 !important; }
.ns-back:hover { text-decoration: underline; }
.ns-article-title { font-size: 1.85rem !important; line-height: 1.25 !important; margin: .8rem 0 .4rem !important;
  padding: 0 !important; font-weight: 700 !important; overflow-wrap: anywhere; max-width: 46rem; }
.ns-article-meta { font-size: .92rem; margin-bottom: .8rem; }
.ns-body p { font-size: 1.06rem; line-height: 1.75; margin: 0 0 1rem; max-width: 44rem; overflow-wrap: anywhere; }
.ns-ent { text-decoration-line: underline; text-decoration-thickness: 2px; text-underline-offset: .22em;
  text-decoration-color: rgba(128, 128, 128, .8); cursor: help; }
.ns-ent-speaker { text-decoration-color: #2563c9; }
.ns-ent-people { text-decoration-color: #8b5cf6; text-decoration-style: dotted; text-decoration-thickness: 3px; }
.ns-ent-country { text-decoration-color: #16a34a; }
.ns-ent-region { text-decoration-color: #0d9488; text-decoration-style: dashed; }
.ns-ent-theme { text-decoration-color: #ea8a1a; text-decoration-style: wavy; text-decoration-thickness: 1.5px; }
.ns-legend { display: flex; flex-wrap: wrap; gap: .3rem 1.1rem; align-items: baseline; font-size: .84rem;
  margin: 0 0 1.2rem; padding: .5rem .75rem; border-radius: .5rem; background: rgba(128, 128, 128, .07);
  max-width: 44rem; }
.ns-legend-title { font-size: .7rem; text-transform: uppercase; letter-spacing: .06em; font-weight: 700; opacity: .6; }
.ns-similar { list-style: none; padding: 0 !important; margin: .2rem 0 0 !important; max-width: 44rem; }
.ns-similar li { padding: .6rem 0; font-size: .93rem; line-height: 1.4; margin: 0 !important;
  border-bottom: 1px solid rgba(128, 128, 128, .2); }
.ns-similar li:last-child { border-bottom: none; }
.ns-similar-title { font-weight: 600; color: #2563c9 !important; text-decoration: none; }
.ns-similar-title:hover { text-decoration: underline; }
.ns-similar .ns-meta { margin: .1rem 0 0; font-size: .8rem; }
.ns-article-facets h4 { font-size: .75rem !important; text-transform: uppercase; letter-spacing: .06em;
  opacity: .65; margin: 1rem 0 .35rem !important; padding: 0 !important; }
.ns-article-facets ul { list-style: none; padding: 0 !important; margin: 0; display: flex; flex-wrap: wrap;
  gap: .35rem; }
.ns-article-facets li { margin: 0 !important; padding: 0; font-size: .86rem; }
.ns-article-facets li.ns-with-evidence { flex-basis: 100%; }
.ns-evidence { font-size: .78rem; opacity: .7; margin: .15rem 0 .2rem .4rem; }
.ns-muted { opacity: .7; font-size: .9rem; }
.ns-report-ok { color: #15803d; font-weight: 700; }
.ns-report-bad { color: #b91c1c; font-weight: 700; }
.ns-report { border-collapse: collapse; font-size: .9rem; margin: .4rem 0 1rem; min-width: 60%; }
.ns-report th { text-align: left; font-size: .72rem; text-transform: uppercase; letter-spacing: .05em; opacity: .65;
  padding: .35rem .8rem .35rem 0; border-bottom: 1px solid rgba(128, 128, 128, .35); }
.ns-report td { padding: .45rem .8rem .45rem 0; border-bottom: 1px solid rgba(128, 128, 128, .18);
  vertical-align: top; }
.ns-report td:first-child { white-space: nowrap; }
.ns-problems { margin: 0; padding-left: 1rem; color: #b91c1c; }
.ns-problems li { margin: 0; }
.ns-similar-heading { font-size: .78rem !important; font-weight: 700 !important; margin: 2.4rem 0 .2rem !important;
  padding: 0 !important; text-transform: uppercase; letter-spacing: .06em; opacity: .7; }
/* sidebar facets */
[data-testid="stSidebar"] [data-testid="stCheckbox"] label p { font-size: .9rem; white-space: normal; }
[data-testid="stSidebar"] [data-testid="stCheckbox"] .stMarkdownEllipsis { white-space: normal; overflow: visible;
  text-overflow: clip; }
[data-testid="stSidebar"] [data-testid="stExpander"] details summary p { font-weight: 600; }
[data-testid="stSidebar"] [data-testid="stHorizontalBlock"] { gap: .1rem; }
[class*="st-key-not-"] button { min-height: 1.5rem; height: 1.5rem; padding: 0 .2rem; opacity: .35; }
/* an exclude button's label names it for screen readers; only its icon is shown */
[class*="st-key-not-"] button [data-testid="stMarkdownContainer"] { position: absolute; width: 1px; height: 1px;
  overflow: hidden; clip: rect(0 0 0 0); clip-path: inset(50%); white-space: nowrap; }
[class*="st-key-not-"] button:hover { opacity: 1; color: #b91c1c; }
[class*="st-key-excluded-"] [data-testid="stCheckbox"] label p { color: #b91c1c; }
[class*="st-key-not-"] button[data-testid="stBaseButton-primary"] { opacity: 1; background: transparent;
  border: none; color: #b91c1c; }
[class*="st-key-more-"] button p, [class*="st-key-clear"] button p { font-size: .85rem; color: #2563c9; }
/* filter chips */
.st-key-chips { align-items: center; }
.st-key-chips button { border-radius: 999px; min-height: 1.9rem; padding: .1rem .75rem; font-size: .85rem; }
.st-key-chips button p { font-size: .85rem; }
.st-key-chips button[data-testid="stBaseButton-primary"] { background: rgba(220, 38, 38, .08); color: #b91c1c;
  border: 1px solid rgba(220, 38, 38, .45); }
.st-key-chips button[data-testid="stBaseButton-primary"]:hover { background: rgba(220, 38, 38, .16); color: #991b1b; }
.st-key-suggestion button p { color: #2563c9; font-size: 1rem; }
.st-key-suggestion button:hover p { text-decoration: underline; }
</style>
"""

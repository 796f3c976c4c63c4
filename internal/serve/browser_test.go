package serve

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// chromium finds Debian's chromium. In CI a missing browser fails the
// test; elsewhere it skips with what to install.
func chromium(t *testing.T) string {
	t.Helper()
	for _, name := range []string{"chromium", "chromium-browser"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv("CI") != "" {
		t.Fatal("chromium is not installed; CI must install it (.ci/run installs the chromium package)")
	}
	t.Skip("chromium not installed; install it (apt-get install chromium) to run the browser test")
	return ""
}

// browser starts a headless chromium with a fresh profile and the flags
// that keep it off the network; it stops when the test ends.
func browser(t *testing.T) context.Context {
	t.Helper()
	path := chromium(t)
	ctx, cancel := context.WithTimeout(context.Background(), 40*time.Second)
	t.Cleanup(cancel)
	actx, acancel := chromedp.NewExecAllocator(ctx,
		chromedp.ExecPath(path),
		chromedp.Flag("headless", true),
		chromedp.Flag("no-sandbox", true),
		chromedp.Flag("disable-gpu", true),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("no-first-run", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.Flag("disable-extensions", true),
		chromedp.Flag("hide-scrollbars", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1366, 900),
	)
	t.Cleanup(acancel)
	bctx, bcancel := chromedp.NewContext(actx)
	t.Cleanup(bcancel)
	if err := chromedp.Do(bctx); err != nil {
		t.Fatalf("starting chromium: %v", err)
	}
	return bctx
}

// TestPageInABrowser drives the page with the keyboard in a real browser:
// the focus order, choosing a leaflet and a site, the PDF preview, the
// check findings and the branding colour; then a link with a traversal
// attempt shows an error.
func TestPageInABrowser(t *testing.T) {
	f := start(t)
	write(t, f.sites+"/sunny/site.yaml", "name: Sunny Side Clinic\naccent_color: \"#F5D76E\"\n")
	ctx := browser(t)

	do(t, ctx,
		chromedp.Navigate(f.url+"/"),
		chromedp.WaitReady(chromedp.CSS(`body[data-ready="1"]`)),
	)
	if unlabelled := eval[[]string](t, ctx, `[...document.querySelectorAll("input, select, button")].filter(e => !e.labels?.length && !e.textContent.trim()).map(e => e.id)`); len(unlabelled) > 0 {
		t.Errorf("controls without a label: %v", unlabelled)
	}
	var focusOrder []string
	for range 8 {
		do(t, ctx, chromedp.KeyEvent("\t"))
		focusOrder = append(focusOrder, eval[string](t, ctx, `document.activeElement.id || document.activeElement.className`))
	}
	want := []string{"skip", "search", "language", "leaflet", "site", "layout", "grayscale", "show"}
	if strings.Join(focusOrder, " ") != strings.Join(want, " ") {
		t.Errorf("focus order %v, want %v", focusOrder, want)
	}

	// filter by language: the list holds the Spanish leaflets alone
	do(t, ctx, chromedp.Focus(chromedp.CSS("#language")))
	downs := 0
	for ; downs < 20 && eval[string](t, ctx, `document.querySelector("#language").value`) != "es"; downs++ {
		do(t, ctx, chromedp.KeyEvent(kb.ArrowDown)) // the languages of the samples, in the list's order
	}
	if count := eval[string](t, ctx, `document.querySelector("#leaflet-count").textContent`); count != fmt.Sprintf("%d of %d leaflets shown", spanishSamples(t), samples(t)) ||
		!strings.Contains(eval[string](t, ctx, `[...document.querySelectorAll("#leaflet option")].map(o => o.value).join(" ")`), "reflejo-de-bajada") {
		t.Errorf("filtering by Spanish: %q", count)
	}
	for range downs {
		do(t, ctx, chromedp.KeyEvent(kb.ArrowUp))
	}
	if count := eval[string](t, ctx, `document.querySelector("#leaflet-count").textContent`); count != fmt.Sprintf("%d of %d leaflets shown", samples(t), samples(t)) {
		t.Errorf("all languages again: %q", count)
	}

	// keyboard alone: search, pick the first match, pick a clinic, Enter
	do(t, ctx,
		chromedp.Focus(chromedp.CSS("#search")),
		chromedp.KeyEvent("let-down"),
	)
	if count := eval[string](t, ctx, `document.querySelector("#leaflet-count").textContent`); count != fmt.Sprintf("1 of %d leaflets shown", samples(t)) {
		t.Errorf("search: %q", count)
	}
	do(t, ctx,
		chromedp.Focus(chromedp.CSS("#leaflet")),
		chromedp.KeyEvent(kb.ArrowDown), // ArrowDown selects the first match
		chromedp.Focus(chromedp.CSS("#site")),
		chromedp.KeyEvent(kb.ArrowDown), chromedp.KeyEvent(kb.ArrowDown), // past "No clinic" and Hillcrest to Riverside
	)
	if outline := eval[string](t, ctx, `getComputedStyle(document.activeElement).outlineStyle`); outline == "none" {
		t.Errorf("the focused control shows no focus outline")
	}
	if brand := eval[string](t, ctx, `getComputedStyle(document.documentElement).getPropertyValue("--brand").trim()`); strings.ToLower(brand) != "#0e5e63" {
		t.Errorf("the page should show Riverside's colour, has %q", brand)
	}
	do(t, ctx,
		chromedp.Focus(chromedp.CSS("#leaflet")),
		chromedp.KeyEvent(kb.Enter),
		chromedp.WaitVisible(chromedp.CSS("#preview")),
		chromedp.WaitVisible(chromedp.CSS("#facts dt")),
	)
	frameType := eval[string](t, ctx, `document.querySelector("#preview").dataset.type`)
	size := eval[int](t, ctx, `+document.querySelector("#preview").dataset.bytes`)
	head := eval[string](t, ctx, `fetch(document.querySelector("#preview").src).then(r => r.text()).then(t => t.slice(0, 5))`, chromedp.EvalAwaitPromise)
	if frameType != "application/pdf" || size < 10000 || head != "%PDF-" {
		t.Errorf("the preview is not a PDF: type %q, %d bytes, starts %q", frameType, size, head)
	}
	if status := eval[string](t, ctx, `document.querySelector("#status").textContent`); !strings.Contains(status, "let-down-reflex-riverside-letter.pdf") || !strings.Contains(status, "pages") {
		t.Errorf("status %q", status)
	}
	if facts := eval[string](t, ctx, `document.querySelector("#facts").textContent`); !contains(facts, "Reading level", "Last reviewed", "2026-09-14") {
		t.Errorf("check findings: %q", facts)
	}
	if bad := eval[[]string](t, ctx, contrastAudit); len(bad) > 0 {
		t.Errorf("text under WCAG AA contrast with Riverside's colour: %v", bad)
	}
	// a clinic with a light colour: the main button's text turns black
	do(t, ctx, chromedp.Focus(chromedp.CSS("#site")), chromedp.KeyEvent(kb.ArrowDown))
	if name := eval[string](t, ctx, `document.querySelector("#site-name").textContent`); name != "Sunny Side Clinic" {
		t.Fatalf("the site after Riverside: %q", name)
	}
	if bad := eval[[]string](t, ctx, contrastAudit); len(bad) > 0 {
		t.Errorf("text under WCAG AA contrast with a light clinic colour: %v", bad)
	}
	do(t, ctx, chromedp.KeyEvent(kb.ArrowUp))
	if download := eval[string](t, ctx, `document.querySelector("#download").download`); download != "let-down-reflex-riverside-letter.pdf" {
		t.Errorf("download name %q", download)
	}
	if path := os.Getenv("HANDOUT_SCREENSHOT"); path != "" {
		do(t, ctx, chromedp.Sleep(6*time.Second))
		png, err := chromedp.Run(ctx, chromedp.FullScreenshot(90))
		if err != nil {
			t.Fatal(err)
		}
		os.WriteFile(path, png, 0o644)
	}

	if hidden := eval[bool](t, ctx, `document.querySelector("#with-field").hidden`); !hidden {
		t.Errorf("let-down-reflex lists no translation, yet the page offers one")
	}
	chooseTranslation(t, ctx)

	// a link that tries to climb out of the leaflets folder
	do(t, ctx,
		chromedp.Navigate(f.url+"/?leaflet=..%2F..%2F..%2Fetc%2Fpasswd&site=riverside"),
		chromedp.WaitVisible(chromedp.CSS("#error")),
	)
	errText := eval[string](t, ctx, `document.querySelector("#error").textContent`)
	previewHidden := eval[bool](t, ctx, `document.querySelector("#preview").hidden`)
	if !strings.Contains(errText, "Not found") || strings.Contains(errText, "passwd") || !previewHidden {
		t.Errorf("a traversal attempt should show a plain error and no preview: %q (preview hidden: %v)", errText, previewHidden)
	}
}

// chooseTranslation picks the jaundice leaflet and, by keyboard, its
// Spanish translation, and sees the bilingual preview load.
func chooseTranslation(t *testing.T, ctx context.Context) {
	t.Helper()
	do(t, ctx,
		chromedp.Focus(chromedp.CSS("#search")),
		chromedp.Evaluate[chromedp.Void](`document.querySelector("#search").select()`),
		chromedp.KeyEvent("jaundice"),
		chromedp.Focus(chromedp.CSS("#leaflet")),
		chromedp.KeyEvent(kb.ArrowDown),
	)
	if id := eval[string](t, ctx, `document.querySelector("#leaflet").value`); id != "newborn-jaundice" {
		t.Fatalf("the search for jaundice chose %q", id)
	}
	if hidden := eval[bool](t, ctx, `document.querySelector("#with-field").hidden`); hidden {
		t.Fatalf("newborn-jaundice lists a translation, but the page offers none")
	}
	if label := eval[string](t, ctx, `document.querySelector("#with").labels[0].textContent`); label != "With translation" {
		t.Errorf("the translation's label: %q", label)
	}
	do(t, ctx, chromedp.KeyEvent("\t"))
	if id := eval[string](t, ctx, `document.activeElement.id`); id != "with" {
		t.Errorf("Tab after the leaflet list goes to %q, want the translation", id)
	}
	do(t, ctx, chromedp.KeyEvent(kb.ArrowDown))
	if id := eval[string](t, ctx, `document.querySelector("#with").value`); id != "ictericia-del-recien-nacido" {
		t.Fatalf("ArrowDown in the translations chose %q", id)
	}
	do(t, ctx,
		chromedp.Evaluate[chromedp.Void](`document.querySelector("#preview").hidden = true`),
		chromedp.KeyEvent(kb.Enter),
		chromedp.WaitVisible(chromedp.CSS("#preview")),
	)
	status := eval[string](t, ctx, `document.querySelector("#status").textContent`)
	if !strings.Contains(status, "newborn-jaundice-ictericia-del-recien-nacido-riverside-letter.pdf") {
		t.Errorf("status %q should name the bilingual handout", status)
	}
	head := eval[string](t, ctx, `fetch(document.querySelector("#preview").src).then(r => r.text()).then(t => t.slice(0, 5))`, chromedp.EvalAwaitPromise)
	if head != "%PDF-" || !strings.Contains(eval[string](t, ctx, `location.search`), "with=ictericia-del-recien-nacido") {
		t.Errorf("the preview is not the bilingual PDF: starts %q, address %q", head, eval[string](t, ctx, `location.search`))
	}
}

func do(t *testing.T, ctx context.Context, steps ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	if err := chromedp.Do(ctx, steps...); err != nil {
		t.Fatal(err)
	}
}

func eval[T any](t *testing.T, ctx context.Context, expr string, opts ...chromedp.EvaluateOption) T {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](expr, opts...))
	if err != nil {
		t.Fatalf("%s: %v", expr, err)
	}
	return v
}

// contrastAudit lists the visible text whose colour is under WCAG 2.1 AA
// contrast with the background it sits on: 4.5:1, or 3:1 for large text.
const contrastAudit = `(() => {
  const parse = (c) => (c.match(/[\d.]+/g) || []).map(Number);
  const lum = (c) => {
    const [r, g, b] = parse(c).slice(0, 3).map((v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const opaque = (c) => { const p = parse(c); return p.length < 4 || p[3] > 0; };
  const background = (el) => {
    for (; el; el = el.parentElement) { const c = getComputedStyle(el).backgroundColor; if (opaque(c)) return c; }
    return "rgb(255, 255, 255)";
  };
  const bad = [];
  const walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walk.nextNode()) {
    const node = walk.currentNode, el = node.parentElement;
    if (!node.textContent.trim() || el.closest("[hidden], script, style, option") || el.getClientRects().length === 0) continue;
    const st = getComputedStyle(el);
    if (st.visibility === "hidden" || el.closest(".skip")) continue;
    const a = lum(st.color), b = lum(background(el));
    const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    const size = parseFloat(st.fontSize), bold = Number(st.fontWeight) >= 700;
    const large = size >= 24 || (size >= 18.66 && bold);
    if (ratio < (large ? 3 : 4.5)) bad.push(el.tagName.toLowerCase() + (el.id ? "#" + el.id : "") + " " + JSON.stringify(node.textContent.trim().slice(0, 30)) + " " + ratio.toFixed(2));
  }
  return bad;
})()`

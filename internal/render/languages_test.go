package render

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"
)

// englishRendererWords are the words the renderer adds in English; none
// may appear on a handout in another language.
var englishRendererWords = regexp.MustCompile(`Page \d|Written by|Reviewed by|Published by|Last reviewed|Last modified|Questions\? Call|your care team|your clinic|\(continued`)

// TestVietnameseSampleSpeaksVietnamese renders the Vietnamese sample with
// and without a site and reads the text back: the page numbers, credit
// labels, dates, footer and placeholder fillers are Vietnamese, and the
// text is the NFC source text.
func TestVietnameseSampleSpeaksVietnamese(t *testing.T) {
	r := newRenderer(t)
	for _, site := range []string{"", site("riverside")} {
		for _, layout := range []string{"letter", "trifold", "large-print"} {
			pdf := renderTo(t, r, Job{Leaflet: sample("vang-da-so-sinh"), Site: site, Layout: layout})
			text := output(t, "pdftotext", "-enc", "UTF-8", pdf, "-")
			if m := englishRendererWords.FindString(text); m != "" {
				t.Errorf("site %q, %s: English renderer words %q in:\n%s", site, layout, m, text)
			}
			if !norm.NFC.IsNormalString(text) {
				t.Errorf("site %q, %s: the text is not NFC", site, layout)
			}
			want := []string{"Vàng da ở trẻ sơ sinh", "Biên soạn:", "Phát hành:", "Thẩm định lần cuối: ngày 20 tháng 5 năm 2025"}
			if layout != "trifold" {
				want = append(want, "Trang 1/")
			}
			if site == "" {
				want = append(want, "gọi ngay số điện thoại của phòng khám")
			} else if layout != "trifold" { // panels carry no footer
				want = append(want, "xin gọi (541) 555-0142 để liên hệ")
			}
			flat := strings.Join(strings.Fields(text), " ")
			for _, w := range want {
				if !strings.Contains(flat, w) {
					t.Errorf("site %q, %s: %q missing from:\n%s", site, layout, w, flat)
				}
			}
		}
	}
}

// TestDecomposedVietnameseRendersComposed: a leaflet saved in decomposed
// form (NFD) prints exactly as the composed one.
func TestDecomposedVietnameseRendersComposed(t *testing.T) {
	r := newRenderer(t)
	src, err := os.ReadFile(sample("vang-da-so-sinh"))
	if err != nil {
		t.Fatal(err)
	}
	nfd := filepath.Join(t.TempDir(), "vang-da-so-sinh.yaml")
	if err := os.WriteFile(nfd, norm.NFD.Bytes(src), 0o644); err != nil {
		t.Fatal(err)
	}
	want := output(t, "pdftotext", "-enc", "UTF-8", renderTo(t, r, Job{Leaflet: sample("vang-da-so-sinh")}), "-")
	got := output(t, "pdftotext", "-enc", "UTF-8", renderTo(t, r, Job{Leaflet: nfd}), "-")
	if got != want {
		t.Errorf("the NFD leaflet prints differently:\n%s\nwant:\n%s", got, want)
	}
}

// TestSpanishFillersReadNaturally renders the Spanish sample without a
// site: the generic words never double an article ("al el").
func TestSpanishFillersReadNaturally(t *testing.T) {
	r := newRenderer(t)
	text := output(t, "pdftotext", "-enc", "UTF-8", renderTo(t, r, Job{Leaflet: sample("reflejo-de-bajada")}), "-")
	flat := strings.Join(strings.Fields(text), " ")
	// (?:^|\s) rather than \b, which knows only ASCII letters ("señal al")
	if m := regexp.MustCompile(`(?:^|\s)(?:(?:al|del|a|de) (?:el|al|del)|en (?:al|del))(?:\s|$)`).FindString(flat); m != "" {
		t.Errorf("%q in:\n%s", m, flat)
	}
	if !strings.Contains(flat, "al número de teléfono de su clínica") {
		t.Errorf("the phone filler is missing:\n%s", flat)
	}
}

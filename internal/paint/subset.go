package paint

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"sort"
	"strings"

	"handout/internal/font"
	"handout/internal/typeset"
)

// fpdf embeds only the glyphs a document uses, but names the font
// "utf8<family>" rather than the "ABCDEF+PostScriptName" that marks a subset
// (ISO 32000-1, 9.6.4), so preflight tools and pdffonts report it as a full
// font. We register each face under a placeholder family of exactly the
// right length and, after fpdf writes the file, swap in the proper subset
// name. The two names have the same length, so no byte offset in the file
// changes, and the names only occur in uncompressed font dictionaries.

// fontKeys returns the placeholder family for each face.
func fontKeys(faces []*font.Face) []string {
	keys := make([]string, len(faces))
	for i, f := range faces {
		keys[i] = fmt.Sprintf("h%02d", i) + strings.Repeat("x", len(psName(f)))
	}
	return keys
}

// psName is the face's name made safe for a PDF name object.
func psName(f *font.Face) string {
	return strings.Map(func(r rune) rune {
		if r > ' ' && r < 0x7f && !strings.ContainsRune("()<>[]{}/%#", r) {
			return r
		}
		return '-'
	}, strings.TrimSuffix(f.Name(), ".ttf"))
}

// usedRunes lists, per face, the characters the pages draw with it, sorted.
func usedRunes(doc *typeset.Document) map[*font.Face][]rune {
	seen := map[*font.Face]map[rune]bool{}
	for _, p := range doc.Pages {
		for _, it := range p.Items {
			t, ok := it.(*typeset.Text)
			if !ok {
				continue
			}
			m := seen[t.Face]
			if m == nil {
				m = map[rune]bool{}
				seen[t.Face] = m
			}
			for _, r := range t.Text {
				m[r] = true
			}
		}
	}
	out := make(map[*font.Face][]rune, len(seen))
	for f, m := range seen {
		rs := make([]rune, 0, len(m))
		for r := range m {
			rs = append(rs, r)
		}
		sort.Slice(rs, func(a, b int) bool { return rs[a] < rs[b] })
		out[f] = rs
	}
	return out
}

// tagSubsets renames the fonts in the finished PDF. The tag is derived from
// the characters each face draws, so equal input gives equal output.
func tagSubsets(pdf []byte, faces []*font.Face, keys []string, used map[*font.Face][]rune) []byte {
	for i, f := range faces {
		old := []byte("/utf8" + keys[i])
		sum := sha256.Sum256([]byte(f.Name() + string(used[f])))
		tag := make([]byte, 6)
		for k := range tag {
			tag[k] = 'A' + sum[k]%26
		}
		name := []byte("/" + string(tag) + "+" + psName(f))
		if len(old) != len(name) {
			continue // cannot happen: keys are built to match
		}
		pdf = bytes.ReplaceAll(pdf, old, name)
	}
	return pdf
}

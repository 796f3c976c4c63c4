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

// tagSubsets renames the fonts in the finished PDF. The tag is derived from
// the characters each face draws, so equal input gives equal output.
func tagSubsets(pdf []byte, doc *typeset.Document, keys []string) []byte {
	for i, f := range doc.Faces {
		old := []byte("/utf8" + keys[i])
		name := []byte("/" + subsetTag(doc, f) + "+" + psName(f))
		if len(old) != len(name) {
			continue // cannot happen: keys are built to match
		}
		pdf = bytes.ReplaceAll(pdf, old, name)
	}
	return pdf
}

// subsetTag is six capital letters from a hash of the face's used runes.
func subsetTag(doc *typeset.Document, f *font.Face) string {
	used := map[rune]bool{}
	for _, p := range doc.Pages {
		for _, it := range p.Items {
			if t, ok := it.(*typeset.Text); ok && t.Face == f {
				for _, r := range t.Text {
					used[r] = true
				}
			}
		}
	}
	runes := make([]rune, 0, len(used))
	for r := range used {
		runes = append(runes, r)
	}
	sort.Slice(runes, func(a, b int) bool { return runes[a] < runes[b] })
	sum := sha256.Sum256([]byte(f.Name() + string(runes)))
	tag := make([]byte, 6)
	for i := range tag {
		tag[i] = 'A' + sum[i]%26
	}
	return string(tag)
}

package load

import (
	"strings"

	"go.yaml.in/yaml/v3"

	"handout/internal/inline"
	"handout/internal/source"
)

// linkSchemes are the kinds of link a handout may carry. A javascript:,
// file: or data: link in a PDF runs code, opens a file on the reader's
// machine or hides content; a link without a scheme is opened by viewers
// as a file next to the PDF.
var linkSchemes = []string{"http", "https", "mailto", "tel"}

// checkLinks reports links whose target is not a web, mail or phone link.
func (d *decoder) checkLinks(n *yaml.Node, s string, spans []inline.Span) {
	seen := ""
	for _, sp := range spans {
		if sp.Link == "" || sp.Link == seen {
			continue
		}
		seen = sp.Link
		scheme, _, ok := strings.Cut(sp.Link, ":")
		if ok && contains(linkSchemes, strings.ToLower(scheme)) {
			continue
		}
		at := d.pos(n)
		if i := strings.Index(s, "("+sp.Link+")"); i >= 0 {
			at = d.posAt(n, i+1)
		}
		e := source.Errorf(at, "the link %s is not a web, email or phone link", quoteShort(sp.Link)).
			WithHint("links start with https:, http:, mailto: or tel:")
		d.errs = append(d.errs, e)
	}
}

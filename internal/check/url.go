package check

import (
	"net/url"
	"strings"

	"handout/internal/model"
	"handout/internal/typeset"
)

// url checks the leaflet's url, the address its QR code points at, with
// the site's values filled in: a phone opens it as it stands, so it must
// be a whole https address (http only when allowed).
func (c *checker) url(f *File, l *model.Leaflet) {
	if l.URL.IsZero() || (c.site.Builtin && typeset.HasPlaceholder(l.URL)) {
		return
	}
	raw := typeset.URLText(l.URL, c.site.Value)
	bad := func(msg, hint string) {
		c.add(f, Finding{Severity: Error, Pos: l.URL.Pos, Code: CodeURL, Message: msg, Hint: hint})
	}
	u, err := url.Parse(raw)
	switch {
	case err != nil:
		bad("the url "+quote(raw)+" is not a web address: "+err.Error(), "write it as https://example.org/path")
	case u.Scheme == "http" && !c.opts.AllowHTTP:
		bad("the url "+quote(raw)+" uses http; phones warn about or refuse unencrypted pages",
			"use https, or check with --allow-http if the site has no https")
	case u.Scheme != "https" && u.Scheme != "http":
		bad("the url "+quote(raw)+" does not start with https://", "write the whole address, such as https://example.org/handouts/jaundice; a site's website value should start with https:// too")
	case u.Host == "" || !strings.Contains(u.Hostname(), "."):
		bad("the url "+quote(raw)+" has no host name", "write the whole address, such as https://example.org/handouts/jaundice")
	}
}

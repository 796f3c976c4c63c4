package fonts

import (
	"embed"
	"fmt"
	"sync"
	"sync/atomic"
)

// The families for scripts other than Latin, Cyrillic and Greek. Noto Sans
// itself is embedded as strings in fonts.go; it is not listed again here
// so the binary holds it once.
//
//go:embed NotoNaskhArabic-*.ttf NotoNastaliqUrdu-*.ttf NotoSansDevanagari-*.ttf
//go:embed NotoSansBengali-*.ttf NotoSansGujarati-*.ttf NotoSansGurmukhi-*.ttf
//go:embed NotoSansArmenian-*.ttf NotoSansKhmer-*.ttf NotoSansEthiopic-*.ttf
//go:embed NotoSansHebrew-*.ttf DroidSansFallbackFull.ttf NanumGothic.ttf NanumGothicBold.ttf
//go:embed OFL-Nanum.txt Apache-2.0-Droid.txt
var files embed.FS

// Family describes one embedded type family: its files, what it is for and
// where it came from. A face the family does not have is "".
type Family struct {
	Name       string
	Scripts    []string // ISO 15924 codes the family is the default for
	Regular    string   // file names in this directory
	Bold       string
	Italic     string
	BoldItalic string
	License    string // the licence file in this directory
	LicenseID  string // SPDX identifier
	Package    string // the Debian package the files were copied from
}

// Faces holds the TrueType bytes of a family's faces; a face the family
// lacks is nil. The slices are shared by every caller of the catalog that
// made them and must not be changed.
type Faces struct {
	Regular, Bold, Italic, BoldItalic []byte
}

// Catalog is the set of embedded families. Nothing is read until a family's
// faces are asked for, so an English document never touches the large CJK
// files; each family is read at most once per catalog. A Catalog is safe
// for concurrent use; the engine holds one.
type Catalog struct {
	entries []*entry
	byName  map[string]*entry
}

type entry struct {
	Family
	once   sync.Once
	loaded atomic.Bool
	faces  Faces
	err    error
}

// Family names, for the language rules and for callers that want one
// family by name.
const (
	NotoSansName          = "Noto Sans"
	NaskhArabicName       = "Noto Naskh Arabic"
	NastaliqUrduName      = "Noto Nastaliq Urdu"
	DevanagariName        = "Noto Sans Devanagari"
	BengaliName           = "Noto Sans Bengali"
	GujaratiName          = "Noto Sans Gujarati"
	GurmukhiName          = "Noto Sans Gurmukhi"
	ArmenianName          = "Noto Sans Armenian"
	KhmerName             = "Noto Sans Khmer"
	EthiopicName          = "Noto Sans Ethiopic"
	HebrewName            = "Noto Sans Hebrew"
	DroidSansFallbackName = "Droid Sans Fallback Full"
	NanumGothicName       = "Nanum Gothic"
)

// table lists the families in the order they are documented in README.md.
// It is a function, not a variable, so no caller can change it.
func table() []Family {
	noto := func(name, file string, scripts ...string) Family {
		return Family{Name: name, Scripts: scripts, Regular: file + "-Regular.ttf", Bold: file + "-Bold.ttf",
			License: "OFL.txt", LicenseID: "OFL-1.1", Package: "fonts-noto-core"}
	}
	return []Family{
		{Name: NotoSansName, Scripts: []string{"Latn", "Cyrl", "Grek"}, Regular: RegularFile, Bold: BoldFile,
			Italic: ItalicFile, BoldItalic: BoldItalicFile, License: "OFL.txt", LicenseID: "OFL-1.1", Package: "fonts-noto-core"},
		noto(NaskhArabicName, "NotoNaskhArabic", "Arab"),
		noto(NastaliqUrduName, "NotoNastaliqUrdu"), // chosen by language (Urdu), not by script
		noto(DevanagariName, "NotoSansDevanagari", "Deva"),
		noto(BengaliName, "NotoSansBengali", "Beng"),
		noto(GujaratiName, "NotoSansGujarati", "Gujr"),
		noto(GurmukhiName, "NotoSansGurmukhi", "Guru"),
		noto(ArmenianName, "NotoSansArmenian", "Armn"),
		noto(KhmerName, "NotoSansKhmer", "Khmr"),
		noto(EthiopicName, "NotoSansEthiopic", "Ethi"),
		noto(HebrewName, "NotoSansHebrew", "Hebr"),
		// Droid Sans Fallback has one weight; bold is drawn synthetically.
		{Name: DroidSansFallbackName, Scripts: []string{"Hani", "Hira", "Kana", "Bopo"}, Regular: "DroidSansFallbackFull.ttf",
			License: "Apache-2.0-Droid.txt", LicenseID: "Apache-2.0", Package: "fonts-droid-fallback"},
		{Name: NanumGothicName, Scripts: []string{"Hang"}, Regular: "NanumGothic.ttf", Bold: "NanumGothicBold.ttf",
			License: "OFL-Nanum.txt", LicenseID: "OFL-1.1", Package: "fonts-nanum"},
	}
}

// NewCatalog returns the catalog of embedded families. It reads no font
// data.
func NewCatalog() *Catalog {
	c := &Catalog{byName: map[string]*entry{}}
	for _, f := range table() {
		e := &entry{Family: f}
		c.entries = append(c.entries, e)
		c.byName[f.Name] = e
	}
	return c
}

// Families lists every family in the catalog.
func (c *Catalog) Families() []Family {
	out := make([]Family, len(c.entries))
	for i, e := range c.entries {
		out[i] = e.Family
	}
	return out
}

// ForScript returns the default family for an ISO 15924 script code, and
// false when no embedded family draws that script.
func (c *Catalog) ForScript(script string) (Family, bool) {
	for _, e := range c.entries {
		for _, s := range e.Scripts {
			if s == script {
				return e.Family, true
			}
		}
	}
	return Family{}, false
}

// Choose returns the family for text in a script within a document in the
// language tag lang: the language's preference when it has one (Urdu takes
// Nastaliq, Korean Han takes the Korean face), else the script's default.
func (c *Catalog) Choose(lang, script string) (Family, bool) {
	if name := preferred(lang, script); name != "" {
		if e, ok := c.byName[name]; ok {
			return e.Family, true
		}
	}
	return c.ForScript(script)
}

// Faces returns the font data of the named family, reading it on the first
// call only.
func (c *Catalog) Faces(name string) (Faces, error) {
	e, ok := c.byName[name]
	if !ok {
		return Faces{}, fmt.Errorf("fonts: no family %q in the catalog", name)
	}
	e.once.Do(func() {
		e.faces, e.err = e.read()
		e.loaded.Store(true)
	})
	return e.faces, e.err
}

// loaded reports whether a family's files have been read, for tests that
// check the catalog stays lazy.
func (c *Catalog) loaded(name string) bool {
	e, ok := c.byName[name]
	return ok && e.loaded.Load()
}

func (e *entry) read() (Faces, error) {
	if e.Name == NotoSansName {
		r, b, i, bi := NotoSans()
		return Faces{r, b, i, bi}, nil
	}
	var f Faces
	for _, face := range []struct {
		file string
		dst  *[]byte
	}{{e.Regular, &f.Regular}, {e.Bold, &f.Bold}, {e.Italic, &f.Italic}, {e.BoldItalic, &f.BoldItalic}} {
		if face.file == "" {
			continue
		}
		data, err := files.ReadFile(face.file)
		if err != nil {
			return Faces{}, fmt.Errorf("fonts: %s: %w", e.Name, err)
		}
		*face.dst = data
	}
	return f, nil
}

// LicenseText returns the text of a licence file named by a Family.
func LicenseText(file string) (string, error) {
	if file == "OFL.txt" {
		return license, nil
	}
	b, err := files.ReadFile(file)
	return string(b), err
}

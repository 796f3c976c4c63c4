package engine

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"

	gofont "github.com/go-text/typesetting/font"
	ot "github.com/go-text/typesetting/font/opentype"

	"handout/internal/font"
	"handout/internal/memo"
)

// userFonts parses the font folders a print room adds (--fonts, a
// layout's fonts:), each once per engine for as long as the folder's font
// files stay as they are: a long-running server sees a font added,
// replaced or removed at its next render. Only a folder's newest state is
// kept, so a folder that changes often does not pile up parsed fonts.
type userFonts struct {
	mu   sync.Mutex
	dirs map[string]*folderFonts // by absolute path: the folder as last read
}

// folderFonts is one state of a font folder and its families, parsed once
// however many documents ask at the same time.
type folderFonts struct {
	state string
	fams  memo.Map[string, []*font.Family]
}

// get returns the families of the font folder dir in the given state
// (folderState's).
func (u *userFonts) get(dir, state string) ([]*font.Family, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, err
	}
	u.mu.Lock()
	if u.dirs == nil {
		u.dirs = map[string]*folderFonts{}
	}
	f := u.dirs[abs]
	if f == nil || f.state != state {
		f = &folderFonts{state: state}
		u.dirs[abs] = f
	}
	u.mu.Unlock()
	return f.fams.Get(state, func() ([]*font.Family, error) { return LoadFontDir(abs) })
}

// folderState sums up what a font folder holds: each font file's name,
// size and time. A folder that cannot be read has the state "missing".
func folderState(dir string) string {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return "missing"
	}
	var b strings.Builder
	for _, e := range entries {
		if !IsFontFile(e.Name()) {
			continue
		}
		info, err := e.Info()
		if err != nil {
			continue
		}
		fmt.Fprintf(&b, "%s\x00%d\x00%d\x00", e.Name(), info.Size(), info.ModTime().UnixNano())
	}
	return b.String()
}

// IsFontFile reports whether a file name is one LoadFontDir reads.
func IsFontFile(name string) bool {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".ttf", ".otf", ".ttc", ".otc":
		return true
	}
	return false
}

// LoadFontDir parses every .ttf and .otf file in dir into families, by the
// family name and style each file records (its name and OS/2 tables).
// Only TrueType outlines (glyf) can be embedded: a collection (.ttc) or a
// font with CFF outlines is an error that says so.
func LoadFontDir(dir string) ([]*font.Family, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("fonts folder: %w", err)
	}
	type faces struct{ f [4]*font.Face }
	byName := map[string]*faces{}
	var errs []string
	for _, e := range entries {
		ext := strings.ToLower(filepath.Ext(e.Name()))
		if e.IsDir() || !IsFontFile(e.Name()) {
			continue
		}
		path := filepath.Join(dir, e.Name())
		if ext == ".ttc" || ext == ".otc" {
			errs = append(errs, fmt.Sprintf("%s: a font collection cannot be embedded; extract its faces as single .ttf files", path))
			continue
		}
		data, err := os.ReadFile(path)
		if err != nil {
			errs = append(errs, err.Error())
			continue
		}
		face, err := font.Parse(e.Name(), data)
		if err != nil {
			errs = append(errs, fmt.Sprintf("%s: %v", path, err))
			continue
		}
		family, style := describe(data)
		if family == "" {
			family = strings.TrimSuffix(e.Name(), filepath.Ext(e.Name()))
		}
		fs := byName[family]
		if fs == nil {
			fs = &faces{}
			byName[family] = fs
		}
		if fs.f[style] == nil {
			fs.f[style] = face
		}
	}
	if len(errs) > 0 {
		return nil, fmt.Errorf("fonts folder %s: %s (handout embeds TrueType fonts with glyf outlines)", dir, strings.Join(errs, "; "))
	}
	names := make([]string, 0, len(byName))
	for n := range byName {
		names = append(names, n)
	}
	sort.Strings(names)
	fams := make([]*font.Family, len(names))
	for i, n := range names {
		f := byName[n].f
		fams[i] = font.NewFamily(n, f[font.Regular], f[font.Bold], f[font.Italic], f[font.BoldItalic])
	}
	return fams, nil
}

// describe reads a font file's family name and style.
func describe(data []byte) (string, font.Style) {
	ld, err := ot.NewLoader(bytes.NewReader(data))
	if err != nil {
		return "", font.Regular
	}
	d, _ := gofont.Describe(ld, nil)
	var s font.Style
	if d.Aspect.Weight >= gofont.WeightSemibold {
		s |= font.Bold
	}
	if d.Aspect.Style == gofont.StyleItalic {
		s |= font.Italic
	}
	return d.Family, s
}

package font

import (
	"strings"
	"sync"

	"github.com/go-text/typesetting/di"
	gofont "github.com/go-text/typesetting/font"
	"github.com/go-text/typesetting/language"
	"github.com/go-text/typesetting/shaping"
	"golang.org/x/image/math/fixed"
)

// Run is text to shape in one face, direction and language. The text
// should be NFC-normalised; it is shaped as it is.
type Run struct {
	Face *Face
	Text string
	RTL  bool
	Lang string // BCP 47; selects language-specific forms (locl)
}

// Glyph is one shaped glyph. Lengths are in 1/64 font units, exact for the
// font's integer metrics; Shaped.Scale turns them into ems.
type Glyph struct {
	ID       uint16 // glyph index in the font file
	Cluster  int32  // byte offset into Run.Text of the first character of the glyph's cluster
	XAdvance int32
	XOffset  int32
	YOffset  int32 // up is positive
}

// Shaped is a shaped run: glyphs in visual order (left to right, also for
// right-to-left text) and their total advance.
type Shaped struct {
	Glyphs  []Glyph
	Advance int32
	// Scale turns the run's lengths into ems: multiply by Scale and the
	// size in points for points.
	Scale float64
}

// Points returns a length of the run in points at size.
func (s *Shaped) Points(v int32, size float64) float64 { return float64(v) * s.Scale * size }

// Shaper shapes runs with HarfBuzz (go-text's port) and caches the results
// by face, direction, language and text, so a batch that repeats the same
// words thousands of times shapes each once. Shaping is done at the font's
// own units per em, so one entry serves every size. It is safe for
// concurrent use; the results it returns are shared and must not be
// modified.
type Shaper struct {
	workers sync.Pool // *worker: go-text's shaper and faces are single-threaded
	cache   cache
}

// NewShaper makes a shaper whose cache keeps about limit runs.
func NewShaper(limit int) *Shaper {
	s := &Shaper{cache: cache{limit: max(1, limit/2)}}
	s.workers.New = func() any { return &worker{faces: map[*Face]*gofont.Face{}} }
	return s
}

// Shape shapes a run, from the cache when it has been shaped before.
func (s *Shaper) Shape(r Run) *Shaped {
	k := cacheKey{face: r.Face, text: r.Text, rtl: r.RTL, lang: r.Lang}
	if v := s.cache.get(k); v != nil {
		return v
	}
	w := s.workers.Get().(*worker)
	v := w.shape(r)
	s.workers.Put(w)
	s.cache.put(k, v)
	return v
}

// worker holds what one goroutine needs to shape: go-text's HarfBuzz
// shaper and a go-text face per face (go-text faces cache lookups and are
// not safe for concurrent use).
type worker struct {
	hb     shaping.HarfbuzzShaper
	faces  map[*Face]*gofont.Face
	runes  []rune
	offset []int32
	// the last language tag asked for and its parsed form: a document
	// shapes everything in one language
	tag  string
	lang language.Language
}

func (w *worker) face(f *Face) *gofont.Face {
	gf := w.faces[f]
	if gf == nil {
		gf = gofont.NewFace(f.shapingFont())
		w.faces[f] = gf
	}
	return gf
}

func (w *worker) language(tag string) language.Language {
	if tag != w.tag || w.lang == "" {
		w.tag, w.lang = tag, language.NewLanguage(tag)
	}
	return w.lang
}

func (w *worker) shape(r Run) *Shaped {
	w.runes, w.offset = w.runes[:0], w.offset[:0]
	for i, c := range r.Text {
		w.runes = append(w.runes, c)
		w.offset = append(w.offset, int32(i))
	}
	out := &Shaped{Scale: 1 / (64 * r.Face.upem)}
	if len(w.runes) == 0 {
		return out
	}
	dir := di.DirectionLTR
	if r.RTL {
		dir = di.DirectionRTL
	}
	res := w.hb.ShapeNoExtents(shaping.Input{
		Text: w.runes, RunStart: 0, RunEnd: len(w.runes),
		Direction: dir, Face: w.face(r.Face), Size: fixed.I(int(r.Face.upem)),
		Script: scriptOf(w.runes), Language: w.language(r.Lang),
	})
	out.Glyphs = make([]Glyph, len(res.Glyphs))
	for i, g := range res.Glyphs {
		cl := int32(len(r.Text))
		if g.ClusterIndex >= 0 && g.ClusterIndex < len(w.offset) {
			cl = w.offset[g.ClusterIndex]
		}
		out.Glyphs[i] = Glyph{ID: uint16(g.GlyphID), Cluster: cl,
			XAdvance: int32(g.XAdvance), XOffset: int32(g.XOffset), YOffset: int32(g.YOffset)}
		out.Advance += int32(g.XAdvance)
	}
	return out
}

// scriptOf is the script of the first character that has a script of its
// own; text of only digits and punctuation shapes as Latin.
func scriptOf(rs []rune) language.Script {
	for _, r := range rs {
		if s := language.LookupScript(r); s.Strong() {
			return s
		}
	}
	return language.Latin
}

type cacheKey struct {
	face *Face
	text string
	rtl  bool
	lang string
}

// cache keeps two generations of entries: when the current one is full it
// becomes the old one and the oldest is dropped, and a hit in the old one
// moves up. That bounds memory at twice the limit while whatever a batch
// keeps using stays.
type cache struct {
	mu       sync.RWMutex // read-locked for hits in the current generation, the common case
	limit    int
	cur, old map[cacheKey]*Shaped
}

func (c *cache) get(k cacheKey) *Shaped {
	c.mu.RLock()
	v := c.cur[k]
	c.mu.RUnlock()
	if v != nil {
		return v
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if v := c.cur[k]; v != nil {
		return v
	}
	if v := c.old[k]; v != nil {
		c.store(k, v)
		return v
	}
	return nil
}

func (c *cache) put(k cacheKey, v *Shaped) {
	k.text = strings.Clone(k.text) // the caller's text may be a slice of a whole document
	c.mu.Lock()
	defer c.mu.Unlock()
	c.store(k, v)
}

func (c *cache) store(k cacheKey, v *Shaped) {
	if c.cur == nil || len(c.cur) >= c.limit {
		c.old, c.cur = c.cur, make(map[cacheKey]*Shaped, c.limit)
	}
	c.cur[k] = v
}

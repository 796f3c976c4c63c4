package serve

import (
	"context"
	"errors"
	"time"

	"handout/internal/load"
	"handout/internal/model"
)

// How the server avoids rendering a file while someone is saving it: an
// input changed less than quietPeriod ago may still be being written, so
// the render waits until every input has been still that long; and a
// render whose inputs changed while it ran is thrown away and done again,
// up to maxAttempts times.
const (
	quietPeriod = 250 * time.Millisecond
	maxAttempts = 3
)

// errBusyEditing is returned when the inputs kept changing.
var errBusyEditing = errors.New("the leaflet or site is being edited; try again in a moment")

// inputs are the files one render reads.
type inputs struct {
	leaflet   string
	with      string   // the translation printed with it, or ""
	site      string   // the site.yaml, or ""
	leafFiles []string // images named by the leaflet and its translation
	siteFiles []string // images named by the site
}

func (in inputs) all() []string {
	out := []string{in.leaflet}
	if in.with != "" {
		out = append(out, in.with)
	}
	if in.site != "" {
		out = append(out, in.site)
	}
	out = append(out, in.leafFiles...)
	return append(out, in.siteFiles...)
}

// images picks the images' stamps out of all the inputs' stamps.
func (in inputs) images(st map[string]stamp) map[string]stamp {
	m := make(map[string]stamp, len(in.leafFiles)+len(in.siteFiles))
	for _, p := range in.leafFiles {
		m[p] = st[p]
	}
	for _, p := range in.siteFiles {
		m[p] = st[p]
	}
	return m
}

// findInputs reads the leaflet, its translation (with, or "") and the
// site to learn which images they name. A file that does not load names
// none; the render then reports why.
func findInputs(leaflet, with, siteDir string, assets ...string) inputs {
	in := inputs{leaflet: leaflet, with: with}
	for _, p := range []string{leaflet, with} {
		if p == "" {
			continue
		}
		if l, err := load.Leaflet(p, assets...); err == nil {
			for _, s := range l.Sections {
				in.leafFiles = appendImages(in.leafFiles, s.Body)
			}
		}
	}
	if siteDir != "" {
		in.site = load.SiteFile(siteDir)
		if s, err := load.Site(siteDir); err == nil {
			for _, p := range []string{s.HeaderImage, s.FooterImage} {
				if p != "" {
					in.siteFiles = append(in.siteFiles, p)
				}
			}
		}
	}
	return in
}

func appendImages(dst []string, blocks []model.Block) []string {
	for _, b := range blocks {
		switch b := b.(type) {
		case *model.Image:
			dst = append(dst, b.Path)
		case *model.Note:
			dst = appendImages(dst, b.Body)
		case *model.List:
			for _, it := range b.Items {
				dst = appendImages(dst, it.Children)
			}
		}
	}
	return dst
}

// stamps records the version of each file; a missing file has the zero
// stamp, so its appearance counts as a change.
func stamps(paths []string) map[string]stamp {
	m := make(map[string]stamp, len(paths))
	for _, p := range paths {
		m[p], _ = statStamp(p)
	}
	return m
}

func sameStamps(a, b map[string]stamp) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if w, ok := b[k]; !ok || w != v {
			return false
		}
	}
	return true
}

// waitQuiet waits until no file in m changed within the quiet period. An
// empty file counts as changed just now: it is what an editor that saves
// in place leaves between truncating and writing, and for that moment its
// date may still be the old one (the kernel sets the size first).
func waitQuiet(ctx context.Context, m map[string]stamp, now func() time.Time) error {
	var newest time.Time
	for _, s := range m {
		mod := s.mod
		if s.size == 0 && !mod.IsZero() {
			mod = now()
		}
		if mod.After(newest) {
			newest = mod
		}
	}
	wait := newest.Add(quietPeriod).Sub(now())
	if wait <= 0 {
		return nil
	}
	t := time.NewTimer(wait)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// steady runs fn on inputs that stayed the same from before it started
// until after it finished, and returns its result; fn is given the stamps
// it ran with. It gives up with errBusyEditing after maxAttempts.
func steady[T any](ctx context.Context, find func() inputs, fn func(inputs, map[string]stamp) (T, error)) (T, error) {
	var zero T
	for range maxAttempts {
		in := find()
		before := stamps(in.all())
		if err := waitQuiet(ctx, before, time.Now); err != nil {
			return zero, err
		}
		// The same list of files is compared after: a change to which
		// images the leaflet or site names is a change to that file.
		if !sameStamps(before, stamps(in.all())) {
			continue // changed while we waited
		}
		v, err := fn(in, before)
		if sameStamps(before, stamps(in.all())) {
			return v, err
		}
	}
	return zero, errBusyEditing
}

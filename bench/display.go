package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"time"
)

// Doc is a laid-out handout as handout's typesetter left it, dumped by
// internal/render's TestBenchDump: positions in points from the top-left
// of each page, y down.
type Doc struct {
	Title, Author, Subject, Keywords, Lang, Creator string
	Date                                            string
	Fonts                                           []string // paths from the repository root
	Pages                                           []Page
	Outline                                         []struct {
		Title string
		Level int
		Page  int
		Y     float64
	}
}

// Page is one page and what is drawn on it, in order.
type Page struct {
	W, H  float64
	Items []Item
}

// Item is a text run, rectangle, rule, image or link.
type Item struct {
	Kind                     string
	X, Y, W, H, X2, Y2, Size float64
	Font                     int
	Text                     string
	Color, Fill              *[3]uint8
	Path                     string
}

// Inputs are the dump and the files it names, read once per process as a
// bare program would.
type Inputs struct {
	Doc    Doc
	Fonts  [][]byte
	Images map[string][]byte
	Date   time.Time
}

// Load reads the dump and the fonts and images it uses; root is the
// repository root the dump's paths start from.
func Load(root, dump string) (*Inputs, error) {
	data, err := os.ReadFile(dump)
	if err != nil {
		return nil, err
	}
	in := &Inputs{Images: map[string][]byte{}}
	if err := json.Unmarshal(data, &in.Doc); err != nil {
		return nil, fmt.Errorf("%s: %v", dump, err)
	}
	if in.Date, err = time.Parse(time.RFC3339, in.Doc.Date); err != nil {
		return nil, err
	}
	for _, f := range in.Doc.Fonts {
		b, err := os.ReadFile(filepath.Join(root, f))
		if err != nil {
			return nil, err
		}
		in.Fonts = append(in.Fonts, b)
	}
	for _, p := range in.Doc.Pages {
		for _, it := range p.Items {
			if it.Kind == "image" && in.Images[it.Path] == nil {
				b, err := os.ReadFile(filepath.Join(root, it.Path))
				if err != nil {
					return nil, err
				}
				in.Images[it.Path] = b
			}
		}
	}
	return in, nil
}

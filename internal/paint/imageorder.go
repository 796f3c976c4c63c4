package paint

import (
	"bytes"
	"encoding/gob"

	"codeberg.org/go-pdf/fpdf"
)

// fpdf writes images sorted by pixel width alone, taking them from a map, so
// two images of the same width (a header and a footer banner usually are)
// come out in random order and the same input gives different bytes. We
// nudge each registered image's width by a millionth of a pixel times its
// registration order: fpdf prints widths as integers, so nothing in the file
// changes but the order, which becomes the order of first use.
//
// fpdf offers no setter for the width, but round-trips an image through its
// exported GobEncode and GobDecode, in a documented field order.
func nudgeWidth(info *fpdf.ImageInfoType, order int) error {
	raw, err := info.GobEncode()
	if err != nil {
		return err
	}
	var (
		data, smask, pal []byte
		n, bpc           int
		w, h, scale, dpi float64
		cs, filter, dp   string
		trns             []int
	)
	fields := []any{&data, &smask, &n, &w, &h, &cs, &pal, &bpc, &filter, &dp, &trns, &scale, &dpi}
	dec := gob.NewDecoder(bytes.NewReader(raw))
	for _, f := range fields {
		if err := dec.Decode(f); err != nil {
			return err
		}
	}
	w += float64(order+1) * 1e-6
	var out bytes.Buffer
	enc := gob.NewEncoder(&out)
	for _, f := range []any{data, smask, n, w, h, cs, pal, bpc, filter, dp, trns, scale, dpi} {
		if err := enc.Encode(f); err != nil {
			return err
		}
	}
	return info.GobDecode(out.Bytes())
}

package pdf

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
)

// JPEG markers
const (
	mSOI   = 0xD8
	mEOI   = 0xD9
	mSOS   = 0xDA
	mDQT   = 0xDB
	mDNL   = 0xDC
	mDRI   = 0xDD
	mDHT   = 0xC4
	mAPP2  = 0xE2
	mAPP14 = 0xEE
)

var errJPEG = errors.New("not a usable JPEG")

// PrepareJPEG checks a JPEG and keeps only what decoding and colour need:
// the frame, Huffman and quantisation tables, restart interval, scans, an
// Adobe APP14 segment (it tells CMYK and YCCK apart) and an ICC profile.
// Comments, EXIF, XMP and every other APPn segment (names, dates, GPS
// positions) are dropped, and so is anything after the end-of-image marker.
// The scans pass through undecoded (DCTDecode).
func PrepareJPEG(data []byte) (*ImageData, error) {
	if len(data) < 4 || data[0] != 0xFF || data[1] != mSOI {
		return nil, fmt.Errorf("jpeg: %w: no start-of-image marker", errJPEG)
	}
	out := []byte{0xFF, mSOI}
	var w, h, comps int
	adobe, frame, scans := false, false, 0
	i := 2
	for {
		m, at, err := nextMarker(data, i)
		if err != nil {
			return nil, err
		}
		if m == mEOI {
			break
		}
		if at+4 > len(data) {
			return nil, fmt.Errorf("jpeg: %w: segment header cut off", errJPEG)
		}
		length := int(binary.BigEndian.Uint16(data[at+2:]))
		end := at + 2 + length
		if length < 2 || end > len(data) {
			return nil, fmt.Errorf("jpeg: %w: segment runs past the end", errJPEG)
		}
		seg, body := data[at:end], data[at+4:end]
		switch {
		case m == 0xC0 || m == 0xC1 || m == 0xC2:
			if frame {
				return nil, fmt.Errorf("jpeg: %w: two frames", errJPEG)
			}
			if len(body) < 6 {
				return nil, fmt.Errorf("jpeg: %w: frame header too short", errJPEG)
			}
			if body[0] != 8 {
				return nil, fmt.Errorf("jpeg: %d-bit samples are not supported", body[0])
			}
			h, w, comps = int(binary.BigEndian.Uint16(body[1:])), int(binary.BigEndian.Uint16(body[3:])), int(body[5])
			if w == 0 || h == 0 || (comps != 1 && comps != 3 && comps != 4) || len(body) < 6+3*comps {
				return nil, fmt.Errorf("jpeg: %w: bad frame header", errJPEG)
			}
			frame = true
			out = append(out, seg...)
		case m >= 0xC3 && m <= 0xCF && m != mDHT && m != 0xC8:
			return nil, fmt.Errorf("jpeg: lossless, hierarchical and arithmetic-coded JPEGs are not supported")
		case m == mDHT || m == mDQT || m == mDRI || m == mDNL:
			out = append(out, seg...)
		case m == mAPP14 && bytes.HasPrefix(body, []byte("Adobe")):
			adobe = true
			out = append(out, seg...)
		case m == mAPP2 && bytes.HasPrefix(body, []byte("ICC_PROFILE\x00")):
			out = append(out, seg...)
		case m == mSOS:
			if !frame {
				return nil, fmt.Errorf("jpeg: %w: scan before the frame header", errJPEG)
			}
			stop := scanEnd(data, end)
			out = append(out, data[at:stop]...)
			scans++
			i = stop
			continue
		}
		// everything else (APPn, COM, unknown markers) is left out
		i = end
	}
	if !frame || scans == 0 {
		return nil, fmt.Errorf("jpeg: %w: no image data", errJPEG)
	}
	out = append(out, 0xFF, mEOI)
	dict := Dict{
		"Width": Int(w), "Height": Int(h), "BitsPerComponent": Int(8), "Filter": Name("DCTDecode"),
		"ColorSpace": Name([]string{1: "DeviceGray", 3: "DeviceRGB", 4: "DeviceCMYK"}[comps]),
	}
	if comps == 4 && adobe {
		// Adobe's CMYK JPEGs store inverted samples
		dict["Decode"] = Array{Int(1), Int(0), Int(1), Int(0), Int(1), Int(0), Int(1), Int(0)}
	}
	return &ImageData{Width: w, Height: h, dict: dict, data: out}, nil
}

// nextMarker finds the marker at or after i (fill bytes allowed) and
// returns it with the offset of its 0xFF.
func nextMarker(data []byte, i int) (byte, int, error) {
	if i >= len(data) || data[i] != 0xFF {
		return 0, 0, fmt.Errorf("jpeg: %w: expected a marker at byte %d", errJPEG, i)
	}
	for i+1 < len(data) && data[i+1] == 0xFF {
		i++ // fill bytes
	}
	if i+1 >= len(data) {
		return 0, 0, fmt.Errorf("jpeg: %w: no end-of-image marker", errJPEG)
	}
	return data[i+1], i, nil
}

// scanEnd returns where the entropy-coded data starting at i ends: at the
// first marker that is neither a stuffed zero nor a restart marker.
func scanEnd(data []byte, i int) int {
	for i+1 < len(data) {
		if data[i] == 0xFF {
			if n := data[i+1]; n != 0 && n != 0xFF && (n < 0xD0 || n > 0xD7) {
				return i
			}
		}
		i++
	}
	return len(data)
}

package pdf

import (
	"encoding/binary"
	"math"
)

// OutputIntentSRGB adds an sRGB output intent (GTS_PDFA1), as PDF/A asks
// for device colour to be tied to a known colour space.
func (d *Document) OutputIntentSRGB() { d.intent = true }

func (d *Document) writeOutputIntent() Dict {
	icc := d.Alloc()
	d.w.stream(icc, Dict{"N": Int(3), "Alternate": Name("DeviceRGB"), "Filter": Name("FlateDecode")}, d.comp.srgbProfile())
	return Dict{
		"Type": Name("OutputIntent"), "S": Name("GTS_PDFA1"),
		"OutputConditionIdentifier": String("sRGB IEC61966-2.1"), "RegistryName": String("http://www.color.org"),
		"Info": String("sRGB IEC61966-2.1"), "DestOutputProfile": icc,
	}
}

// srgbProfile builds a small ICC version 2 display profile for sRGB from
// the standard's own numbers: the D50-adapted primaries (Bradford) and the
// piecewise transfer curve, sampled at 1024 points. It is computed rather
// than copied so that no third-party profile, and no licence, is needed.
func srgbProfile() []byte {
	type tag struct {
		sig  string
		data []byte
	}
	xyz := func(x, y, z float64) []byte {
		b := []byte("XYZ \x00\x00\x00\x00")
		for _, v := range []float64{x, y, z} {
			b = binary.BigEndian.AppendUint32(b, uint32(int32(math.Round(v*65536))))
		}
		return b
	}
	curve := []byte("curv\x00\x00\x00\x00")
	const points = 1024
	curve = binary.BigEndian.AppendUint32(curve, points)
	for i := 0; i < points; i++ {
		v := float64(i) / (points - 1)
		if v <= 0.04045 {
			v /= 12.92
		} else {
			v = math.Pow((v+0.055)/1.055, 2.4)
		}
		curve = binary.BigEndian.AppendUint16(curve, uint16(math.Round(v*65535)))
	}
	tags := []tag{
		{"desc", textDescription("sRGB IEC61966-2.1")},
		{"cprt", append([]byte("text\x00\x00\x00\x00"), "No copyright, use freely\x00"...)},
		{"wtpt", xyz(0.9642, 1.0, 0.8249)},
		{"rXYZ", xyz(0.4360747, 0.2225045, 0.0139322)},
		{"gXYZ", xyz(0.3850649, 0.7168786, 0.0971045)},
		{"bXYZ", xyz(0.1430804, 0.0606169, 0.7141733)},
		{"rTRC", curve}, {"gTRC", curve}, {"bTRC", curve},
	}
	table := binary.BigEndian.AppendUint32(nil, uint32(len(tags)))
	body := []byte{}
	at := 128 + 4 + 12*len(tags)
	curveAt := 0
	for _, t := range tags {
		off := at + len(body)
		if t.sig[1:] == "TRC" {
			// the three channels share one curve
			if curveAt == 0 {
				curveAt = off
				body = pad4(append(body, t.data...))
			}
			off = curveAt
		} else {
			body = pad4(append(body, t.data...))
		}
		table = append(table, t.sig...)
		table = binary.BigEndian.AppendUint32(table, uint32(off))
		table = binary.BigEndian.AppendUint32(table, uint32(len(t.data)))
	}
	size := 128 + len(table) + len(body)
	h := make([]byte, 128)
	binary.BigEndian.PutUint32(h[0:], uint32(size))
	binary.BigEndian.PutUint32(h[8:], 0x02100000) // version 2.1
	copy(h[12:], "mntrRGB XYZ ")
	// creation date: fixed, so the profile never changes
	for i, v := range []uint16{2000, 1, 1, 0, 0, 0} {
		binary.BigEndian.PutUint16(h[24+2*i:], v)
	}
	copy(h[36:], "acsp")
	for i, v := range []float64{0.9642, 1.0, 0.8249} { // D50 illuminant
		binary.BigEndian.PutUint32(h[68+4*i:], uint32(int32(math.Round(v*65536))))
	}
	out := append(h, table...)
	return append(out, body...)
}

// textDescription is an ICC v2 textDescriptionType holding s (ASCII).
func textDescription(s string) []byte {
	b := []byte("desc\x00\x00\x00\x00")
	b = binary.BigEndian.AppendUint32(b, uint32(len(s)+1))
	b = append(b, s...)
	b = append(b, 0)
	b = append(b, make([]byte, 4+4+2+1+67)...) // no Unicode or ScriptCode text
	return b
}

func pad4(b []byte) []byte {
	for len(b)%4 != 0 {
		b = append(b, 0)
	}
	return b
}

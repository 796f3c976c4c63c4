package fonts

import "golang.org/x/text/language"

// Scripts returns the ISO 15924 scripts a language is usually written in,
// main script first: "ja" gives Hani, Hira, Kana; "ko" gives Hang, Hani;
// "zh-TW" gives Hani; "ur" gives Arab. A tag that does not parse gives
// Latn. Latin digits and punctuation are not listed: every document can
// fall back to Noto Sans for them.
func Scripts(lang string) []string {
	tag, err := language.Parse(lang)
	if err != nil {
		return []string{"Latn"}
	}
	s, _ := tag.Script()
	switch code := s.String(); code {
	case "Jpan":
		return []string{"Hani", "Hira", "Kana"}
	case "Kore":
		return []string{"Hang", "Hani"}
	case "Hans", "Hant", "Hanb":
		return []string{"Hani"}
	default:
		return []string{code}
	}
}

// preferred names the family a language prefers for a script over the
// script's default, or "".
//
//   - Urdu is read in Nastaliq; Arabic and Farsi in Naskh (the Arab default).
//   - Han in a Japanese document takes the Japanese face. Today that is
//     Droid Sans Fallback, the same file as for Chinese; the rule is here so
//     a Japanese-form face replaces it in one place.
//   - Han in a Korean document takes Nanum Gothic, which has the Hanja of
//     KS X 1001 drawn to match its Hangul.
func preferred(lang, script string) string {
	base := primary(lang)
	switch {
	case base == "ur" && script == "Arab":
		return NastaliqUrduName
	case base == "ja" && (script == "Hani" || script == "Hira" || script == "Kana"):
		return DroidSansFallbackName
	case base == "ko" && script == "Hani":
		return NanumGothicName
	}
	return ""
}

// primary returns a tag's language subtag ("ur" for "ur-PK"), or "" when
// the tag does not parse.
func primary(lang string) string {
	tag, err := language.Parse(lang)
	if err != nil {
		return ""
	}
	b, _ := tag.Base()
	return b.String()
}

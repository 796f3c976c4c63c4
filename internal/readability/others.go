package readability

// others describes the baseline languages other than English and Spanish:
// which readability formulas are published for them (none is built in
// yet) and whether their words are separated by spaces. A language with
// no entry in Published has no formula in common use; check says so
// rather than apply English rules. Sentence ends for every script are in
// isTerminator.
//
// It is a function, not a variable, so the table cannot be changed.
func others() map[string]*Language {
	lang := func(code, name string, published ...string) *Language {
		return &Language{Code: code, Name: name, Published: published}
	}
	unspaced := func(l *Language) *Language { l.Unspaced = true; return l }
	return map[string]*Language{
		"fr":  lang("fr", "French", "Kandel–Moles", "LIX"),
		"pt":  lang("pt", "Portuguese", "Flesch adapted by Martins et al."),
		"ru":  lang("ru", "Russian", "Flesch adapted by Oborneva"),
		"pl":  lang("pl", "Polish", "Pisarek", "FOG-PL"),
		"vi":  lang("vi", "Vietnamese", "Nguyen–Henkin"),
		"ar":  lang("ar", "Arabic", "OSMAN"),
		"zh":  unspaced(lang("zh", "Chinese")),
		"ja":  unspaced(lang("ja", "Japanese")),
		"km":  unspaced(lang("km", "Khmer")),
		"ko":  lang("ko", "Korean"),
		"tl":  lang("tl", "Tagalog"),
		"fil": lang("fil", "Tagalog"),
		"ht":  lang("ht", "Haitian Creole"),
		"hi":  lang("hi", "Hindi"),
		"fa":  lang("fa", "Farsi"),
		"ur":  lang("ur", "Urdu"),
		"bn":  lang("bn", "Bengali"),
		"gu":  lang("gu", "Gujarati"),
		"pa":  lang("pa", "Punjabi"),
		"hy":  lang("hy", "Armenian"),
		"am":  lang("am", "Amharic"),
		"ne":  lang("ne", "Nepali"),
		"so":  lang("so", "Somali"),
	}
}

package readability

import (
	"strings"
	"testing"
)

func TestSentencesInEachScript(t *testing.T) {
	cases := []struct {
		lang, text string
		want       int
	}{
		{"zh-Hans", "每天喂奶八到十二次。宝宝哭了怎么办？请抱起宝宝！", 3},
		{"ja", "赤ちゃんは一日に何回も飲みます。心配ですか？", 2},
		{"ko", "아기는 하루에 여러 번 먹습니다. 걱정되세요? 전화하세요!", 3},
		{"ar", "هل الطفل جائع؟ أرضعيه كل ساعتين. اتصلي بالطبيب إذا كان الطفل مريضًا.", 3},
		{"ur", "بچے کو دودھ پلائیں۔ کیا بچہ بیمار ہے؟ ڈاکٹر کو فون کریں۔", 3},
		{"hi", "बच्चे को दूध पिलाएँ। क्या बच्चा बीमार है? डॉक्टर को फ़ोन करें।", 3},
		{"bn", "শিশুকে দুধ খাওয়ান। ডাক্তারকে ফোন করুন।", 2},
		{"hy", "Կերակրեք երեխային։ Զանգահարեք բժշկին։", 2},
		{"am", "ልጅዎን ያጥቡ። ሐኪም ይደውሉ።", 2},
		{"km", "សូមបំបៅកូន។ សូមទូរស័ព្ទទៅគ្រូពេទ្យ។", 2},
		{"vi", "Cho bé bú thường xuyên. Gọi bác sĩ nếu bé sốt.", 2},
	}
	for _, c := range cases {
		l := Counting(c.lang)
		if got := l.Sentences(c.text); len(got) != c.want {
			var parts []string
			for _, s := range got {
				parts = append(parts, s.Text)
			}
			t.Errorf("%s: %d sentences %q, want %d", c.lang, len(got), parts, c.want)
		}
	}
}

func TestFormulasPerLanguage(t *testing.T) {
	for _, tag := range []string{"en", "en-US", "es", "es-MX"} {
		if l, ok := For(tag); !ok || !l.Measured() || l.Note() != "" {
			t.Errorf("%s should be measured", tag)
		}
	}
	notes := map[string]string{
		"zh-Hans": "no readability formula is standard for it",
		"ko":      "no readability formula is standard for it",
		"hi":      "no readability formula is standard for it",
		"fr":      "the formulas made for it (Kandel–Moles, LIX) are not built in",
		"ru":      "Oborneva",
		"vi":      "Nguyen–Henkin",
		"ar":      "OSMAN",
		"de":      `not measured for language "de"`,
	}
	for tag, want := range notes {
		if _, ok := For(tag); ok {
			t.Errorf("%s: For says measured", tag)
		}
		note := Counting(tag).Note()
		if !strings.HasPrefix(note, "the reading level is not measured for") || !strings.Contains(note, want) {
			t.Errorf("%s: Note() = %q, want it to mention %q", tag, note, want)
		}
	}
}

// Languages without a formula get no syllable counts: English rules
// applied to Vietnamese or Somali would give numbers that mean nothing.
func TestNoEnglishSyllablesForOtherLanguages(t *testing.T) {
	for _, tag := range []string{"vi", "so", "fr", "de"} {
		for _, w := range Counting(tag).Words("Gọi bác sĩ nếu bé sốt cao") {
			if w.Syllables != 0 {
				t.Errorf("%s: %q counted %d syllables", tag, w.Text, w.Syllables)
			}
		}
	}
	if !Counting("zh").Unspaced || !Counting("ja-JP").Unspaced || Counting("ko").Unspaced {
		t.Error("Unspaced is wrong for zh, ja or ko")
	}
}

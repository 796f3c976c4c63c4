package check

import (
	"testing"

	"handout/internal/i18n"
)

func TestSaysCallInEachLanguage(t *testing.T) {
	cases := []struct {
		lang, text string
		want       bool
	}{
		{"en", "Call us if the baby has a fever.", true},
		{"en", "Recall what the nurse showed you.", false},
		{"es", "Llame a la clínica.", true},
		{"vi", "Hãy gọi điện cho phòng khám.", true},
		{"vi", "Cho bé bú thường xuyên.", false},
		{"zh-Hans", "如果宝宝发烧，请立即致电诊所。", true},
		{"zh-Hans", "每天喂奶八到十二次。", false},
		{"ru", "Позвоните врачу.", true},
		{"ko", "아기가 열이 나면 병원에 전화하세요.", true},
		{"ar", "اتصلي بالطبيب فورًا.", true},
		{"hi", "तुरंत डॉक्टर को फ़ोन करें।", true},
		{"hi", "बच्चे को दूध पिलाएँ।", false},
	}
	for _, c := range cases {
		s, ok := i18n.For(c.lang)
		if !ok {
			t.Fatalf("no locale for %s", c.lang)
		}
		if got := saysCall(c.text, s.CallWords); got != c.want {
			t.Errorf("%s: saysCall(%q) = %v, want %v", c.lang, c.text, got, c.want)
		}
	}
}

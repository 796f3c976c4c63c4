package font

import "testing"

// loadNoto parses the embedded Noto Sans family or stops the test.
func loadNoto(tb testing.TB) *Family {
	tb.Helper()
	fam, err := LoadNotoSans()
	if err != nil {
		tb.Fatal(err)
	}
	return fam
}

package check

import (
	"path/filepath"
	"testing"
)

func TestAccessibilityWarnings(t *testing.T) {
	dir := write(t, map[string]string{
		"bad.yaml": "title: Sleep\nsections:\n  - body:\n      - subheading: Naps\n      - Babies nap. See [https://example.org/sleep](https://example.org/sleep).\n" +
			"      - table:\n          rows: [[Age, Hours]]\n" +
			"credits: {last_reviewed: 2025-01-01}\n",
		"good.yaml": "title: Sleep\nsections:\n  - heading: Naps\n    body:\n      - subheading: Short naps\n      - Babies nap. Read [our sleep page](https://example.org/sleep).\n" +
			"      - table:\n          header: [Age, Hours]\n          rows: [[1 month, 16]]\n" +
			"credits: {last_reviewed: 2025-01-01}\n",
	})
	r := run(t, []string{filepath.Join(dir, "bad.yaml"), filepath.Join(dir, "good.yaml")}, Options{})
	want(t, r, CodeHeadingSkip, 1, "bad.yaml:4:")
	want(t, r, CodeBareLink, 1, "bad.yaml:5:")
	want(t, r, CodeTableHeader, 1, "bad.yaml:7:")
}

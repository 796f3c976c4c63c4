package load

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"

	"go.yaml.in/yaml/v3"
)

// firstBadLine finds the line of a syntax mistake by parsing the file one
// line longer each time: the first prefix that does not parse ends at the
// mistake. It returns 0 when every prefix parses.
func firstBadLine(data []byte) int {
	lines := bytes.SplitAfter(data, []byte("\n"))
	end := 0
	for i, l := range lines {
		end += len(l)
		if len(bytes.TrimSpace(l)) == 0 {
			continue
		}
		var n yaml.Node
		if yaml.Unmarshal(data[:end], &n) != nil {
			return i + 1
		}
	}
	return 0
}

// unquotedColon finds ": " inside a plain value: "title: Step 1: wash".
var unquotedColon = regexp.MustCompile(`^\s*(-\s+)?[^\s:"'#][^:"']*:\s+[^"'\s|>][^"']*:(\s|$)`)

// syntaxHint names the usual cause of a syntax error on the line:
// indentation that matches nothing above it, a list item without its "-",
// or an unquoted ": " in a value.
func syntaxHint(data []byte, line int, msg string) string {
	lines := strings.Split(string(data), "\n")
	if line < 1 || line > len(lines) {
		return ""
	}
	text := lines[line-1]
	if unquotedColon.MatchString(text) {
		return `a value that holds ": " must be quoted: put it in double quotes`
	}
	ind := indentOf(text)
	prev := -1
	for k := line - 2; k >= 0; k-- {
		if strings.TrimSpace(lines[k]) != "" && !strings.HasPrefix(strings.TrimSpace(lines[k]), "#") {
			prev = k
			break
		}
	}
	if prev >= 0 {
		p := lines[prev]
		pi := indentOf(p)
		pt := strings.TrimSpace(p)
		switch {
		case strings.HasPrefix(pt, "- ") && !strings.HasPrefix(strings.TrimSpace(text), "- ") && ind == pi:
			return `a list item starts with "- "; this line may be missing its "-"`
		case !strings.HasSuffix(pt, ":") && !strings.HasSuffix(pt, ">-") && !strings.HasSuffix(pt, "|") && ind > pi && !strings.HasPrefix(pt, "- "):
			return fmt.Sprintf("check the indentation: this line is indented %d spaces, more than the line before it (%d), which opens nothing", ind, pi)
		case !aligned(lines[:line-1], ind):
			return fmt.Sprintf("check the indentation: no line above is indented %d spaces; lines at the same level must line up", ind)
		}
	}
	if strings.Contains(msg, "expected '-'") {
		return `a list item starts with "- " at the same indentation as the others`
	}
	return `the usual causes are indentation, a missing "- " before a list item, and an unquoted ": " in a value`
}

func indentOf(s string) int { return len(s) - len(strings.TrimLeft(s, " ")) }

// aligned reports whether some earlier line starts at the indentation ind,
// counting the text after a list item's "- " as indented too.
func aligned(lines []string, ind int) bool {
	if ind == 0 {
		return true
	}
	for _, l := range lines {
		t := strings.TrimSpace(l)
		if t == "" {
			continue
		}
		i := indentOf(l)
		if i == ind {
			return true
		}
		for strings.HasPrefix(t, "- ") {
			i += 2
			t = strings.TrimLeft(t[2:], " ")
			if i == ind {
				return true
			}
		}
	}
	return false
}

package typeset

import "math"

// breakLines chooses where lines end, as TeX does for ragged text: among
// all ways to fill lines no wider than width, take the one with the least
// sum of squared leftover space (ignoring the last line), which avoids the
// very short lines a greedy breaker leaves. It returns the index one past
// the last word of each line. Every word must already fit in width.
func breakLines(words []word, width float64) []int {
	n := len(words)
	if n == 0 {
		return nil
	}
	cost := make([]float64, n+1) // cost[i]: best cost of setting words[i:]
	next := make([]int, n+1)
	for i := n - 1; i >= 0; i-- {
		cost[i] = math.Inf(1)
		lineW := 0.0
		for j := i + 1; j <= n; j++ {
			w := words[j-1]
			if j > i+1 {
				lineW += words[j-2].space
			}
			lineW += w.width
			end := lineW + w.hyphen
			if end > width && j > i+1 {
				break
			}
			var c float64
			if j == n {
				c = runtPenalty(i, n, lineW, width)
			} else {
				slack := width - end
				c = slack*slack + cost[j]
				if w.hyphen > 0 {
					c += (width * width) / 16 // a hyphenated line end costs something
				}
			}
			if c < cost[i] {
				cost[i], next[i] = c, j
			}
		}
	}
	var ends []int
	for i := 0; i < n; i = next[i] {
		ends = append(ends, next[i])
	}
	return ends
}

// runtPenalty discourages a last line that holds one short word.
func runtPenalty(first, n int, lineW, width float64) float64 {
	if first == n-1 && first > 0 && lineW < width/6 {
		return width * width / 4
	}
	return 0
}

// Package typeset turns a leaflet, a site's branding and a layout into pages
// of positioned boxes. It only measures text (through package font); it never
// draws. The painter turns the boxes into PDF, and tests read them as text.
//
// The work follows TeX's model: inline text becomes words, words are broken
// into lines by choosing breakpoints, blocks become a vertical list of
// elements with keeps and discardable space, and the page breaker fills
// frames from that list.
package typeset

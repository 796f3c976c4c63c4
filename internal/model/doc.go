// Package model holds the document model that the loader builds from YAML and
// the typesetter reads: a leaflet, a site's branding and a page layout. Every
// node keeps the source position it came from so later stages can point at it.
package model

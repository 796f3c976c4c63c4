// Package load reads leaflet, site and layout files into the document model.
// It decodes through yaml.Node so that every value keeps its line and column,
// rejects unknown fields with a hint, and collects every problem it finds
// instead of stopping at the first.
package load

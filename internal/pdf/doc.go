// Package pdf is the small PDF writer handout owns. It writes exactly what
// the painter asks for, in a fixed order, so identical input gives
// identical bytes.
//
// Fonts and images are prepared once per process (ParseFont, PrepareJPEG,
// PreparePNG, PrepareGray) into read-only values that any number of
// documents, on any goroutines, may share. A Document streams: each page's
// content and annotations are written as soon as the next page starts, so
// memory stays flat however many pages a job has; fonts, images, the
// outline and the cross-reference table follow at Close.
//
// Coordinates are PDF's own: points, origin at the bottom-left of the page.
package pdf

// Package inline parses the light inline markup of leaflet text: paragraphs,
// list items, note titles, table cells and captions.
//
// The syntax is a small, predictable subset of CommonMark:
//
//	**bold**  *italic*  ***both***  **bold with *italic* inside**
//	[link text](https://example.org)   link text may carry emphasis
//	{phone}                             a placeholder for a site's value
//	{{  }}                              a literal brace
//	\*  \[  \]  \\  \{  \}              a literal character
//
// Emphasis follows CommonMark's delimiter-run algorithm (including the "rule
// of three" that makes *a**b* read as one italic run) with one
// simplification: a run of '*' can open when the next character is not
// whitespace and can close when the previous character is not whitespace;
// punctuation plays no part, so "**Note:**text" is bold as an author expects.
// Unmatched '*' and brackets print as written. Braces are strict: a '{' or
// '}' that is not part of a placeholder or a doubled brace is an error, so a
// mistyped placeholder never reaches a printed leaflet.
//
// The parser works on bytes without regular expressions and runs in time
// linear in the input, since it runs on every string of every leaflet.
package inline

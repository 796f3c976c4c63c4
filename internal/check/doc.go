// Package check finds what is wrong with leaflets, sites and layouts before
// anything is printed, the way a linter does: everything the renderer
// would reject (errors), and what makes a handout harder to read or out of
// date (warnings): reading level, review dates, long sentences and
// paragraphs, emphasis, type size, color contrast, image resolution. It
// reuses the loader and the validator, so an error here is the same error,
// at the same place, that rendering would give. docs/check.md lists every
// check.
package check

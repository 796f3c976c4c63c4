// Package readability measures how hard a text is to read: it splits text
// into sentences and words, counts syllables for English and Spanish, and
// computes the published formulas: Flesch–Kincaid grade, Flesch Reading
// Ease and SMOG for English; Fernández-Huerta and Szigriszt-Pazos (read on
// the INFLESZ scale) for Spanish.
//
// The counting rules, and what they cannot do, are described in
// docs/check.md. URLs, e-mail addresses, phone numbers and numbers are left
// out of the counts: a reader looks them up rather than reads them, and
// their syllables say nothing about the prose around them.
package readability

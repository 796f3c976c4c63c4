// Package batch renders many handouts in one process: it plans the outputs
// of a job (leaflets × sites × layouts), shards them deterministically
// across machines, skips outputs that are newer than all their inputs, runs
// the rest on a pool of workers that share one render.Renderer, writes each
// PDF atomically, and reports progress, a summary and a per-output record.
//
// Nothing here holds more than a bounded window of results: a run of ten
// thousand handouts needs no more memory than a run of ten.
package batch

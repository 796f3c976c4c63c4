package render

import (
	"handout/internal/bilingual"
	"handout/internal/load"
	"handout/internal/model"
	"handout/internal/source"
	"handout/internal/validate"
)

// translation loads and checks the leaflet a bilingual job prints with
// the first (Job.With), and pairs the two: nil when the job has none.
// Warnings name sections aligned as a whole.
func (r *Renderer) translation(job Job, first *model.Leaflet, site *model.Site) (*model.Leaflet, []string, error) {
	if job.With == "" {
		return nil, nil, nil
	}
	second, err := load.Leaflet(job.With, job.Assets...)
	if err != nil {
		return nil, nil, err
	}
	if problems := r.eng.Validate(second, site, validate.Today()); len(problems) > 0 {
		return nil, nil, validate.Err(problems)
	}
	found, err := bilingual.Pair(first, second)
	if err != nil {
		return nil, nil, source.Errors{err}
	}
	var warnings []string
	for _, w := range found {
		warnings = append(warnings, w.Pos.String()+": warning: "+w.Msg)
	}
	return second, warnings, nil
}

package load

// Field describes one key an input mapping may hold.
type Field struct {
	Name     string
	Required bool
}

// Object describes one kind of mapping in the input formats. The JSON
// Schemas in docs/schema name their definitions after Object.Name, and a
// test keeps the two in step.
type Object struct {
	Name   string // "leaflet", "section", ... as in the schemas' $defs
	Schema string // which schema file: "leaflet", "site" or "layout"
	Fields []Field
}

func (o Object) names() []string {
	s := make([]string, len(o.Fields))
	for i, f := range o.Fields {
		s[i] = f.Name
	}
	return s
}

func opt(names ...string) []Field {
	f := make([]Field, len(names))
	for i, n := range names {
		f[i] = Field{Name: n}
	}
	return f
}

func req(names ...string) []Field {
	f := opt(names...)
	for i := range f {
		f[i].Required = true
	}
	return f
}

func fields(groups ...[]Field) []Field {
	var all []Field
	for _, g := range groups {
		all = append(all, g...)
	}
	return all
}

// The input formats, one Object per kind of mapping.
var (
	objLeaflet  = Object{"leaflet", "leaflet", fields(req("title", "sections"), opt("subtitle", "language", "smart_quotes", "credits", "disclaimer", "copyright", "url", "translations"))}
	objSection  = Object{"section", "leaflet", fields(opt("heading"), req("body"))}
	objListItem = Object{"listItem", "leaflet", fields(req("text"), opt("bullets", "steps"))}
	objNote     = Object{"note", "leaflet", opt("title", "style", "body")}
	objImage    = Object{"image", "leaflet", fields(req("file", "alt"), opt("caption", "width"))}
	objTable    = Object{"table", "leaflet", fields(opt("header"), req("rows"))}
	objCredits  = Object{"credits", "leaflet", opt("written_by", "reviewed_by", "published_by", "last_modified", "last_reviewed")}

	objSite = Object{"site", "site", fields(req("name"), opt("department", "phone", "address", "website",
		"header_image", "header_alt", "footer_image", "accent_color", "footer_text", "words", "tty", "taglines", "taglines_text"))}

	objLayout = Object{"layout", "layout", opt("description", "page", "margins", "header_height", "header_gap", "footer_height", "text", "headings",
		"columns", "fold", "imposition", "print", "fonts")}
	objPage     = Object{"page", "layout", opt("size", "width", "height", "orientation", "duplex")}
	objMargins  = Object{"margins", "layout", opt("top", "bottom", "inside", "outside")}
	objText     = Object{"text", "layout", opt("size", "leading", "small", "align", "max_line", "bullets")}
	objHeadings = Object{"headings", "layout", opt("title", "subtitle", "heading", "subheading")}
	objColumns  = Object{"columns", "layout", fields(req("count"), opt("gutter"))}
	objFold     = Object{"fold", "layout", fields(req("panels"), opt("panel_margin"))}
	objImpose   = Object{"imposition", "layout", fields(req("type", "sheet"))}
	objPrint    = Object{"print", "layout", opt("bleed", "crop_marks", "safe_zone")}
)

// blockTypes are the keys a block mapping may have (exactly one of them).
var blockTypes = []string{"bullets", "steps", "note", "image", "table", "subheading"}

// Objects lists every input object, for documentation and schema tests.
func Objects() []Object {
	return []Object{objLeaflet, objSection, objListItem, objNote, objImage, objTable, objCredits,
		objSite, objLayout, objPage, objMargins, objText, objHeadings, objColumns, objFold, objImpose, objPrint}
}

// BlockTypes lists the block keys, for documentation and schema tests.
func BlockTypes() []string { return append([]string(nil), blockTypes...) }

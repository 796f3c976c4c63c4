package load

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// schemaObject is the part of a JSON Schema object definition we compare.
type schemaObject struct {
	Type                 any                        `json:"type"`
	Properties           map[string]json.RawMessage `json:"properties"`
	Required             []string                   `json:"required"`
	AdditionalProperties *bool                      `json:"additionalProperties"`
	Defs                 map[string]json.RawMessage `json:"$defs"`
}

// TestSchemasMatchLoader keeps docs/schema in step with the loader: every
// object the loader reads has a schema definition with exactly its fields
// and required fields, and rejects others as the loader does.
func TestSchemasMatchLoader(t *testing.T) {
	roots := map[string]string{"leaflet": "leaflet", "site": "site", "layout": "layout"}
	for _, obj := range Objects() {
		file := filepath.Join("..", "..", "docs", "schema", obj.Schema+".schema.json")
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatalf("%s: %v", obj.Name, err)
		}
		var root schemaObject
		if err := json.Unmarshal(data, &root); err != nil {
			t.Fatalf("%s: %v", file, err)
		}
		def := root
		if roots[obj.Schema] != obj.Name {
			raw, ok := root.Defs[obj.Name]
			if !ok {
				t.Errorf("%s has no $defs/%s", file, obj.Name)
				continue
			}
			def = schemaObject{}
			if err := json.Unmarshal(raw, &def); err != nil {
				t.Fatalf("%s $defs/%s: %v", file, obj.Name, err)
			}
		}
		var props []string
		for p := range def.Properties {
			props = append(props, p)
		}
		slices.Sort(props)
		want := obj.names()
		slices.Sort(want)
		if !slices.Equal(props, want) {
			t.Errorf("%s %s: schema properties %v, loader fields %v", file, obj.Name, props, want)
		}
		var required []string
		for _, f := range obj.Fields {
			if f.Required {
				required = append(required, f.Name)
			}
		}
		slices.Sort(required)
		got := slices.Clone(def.Required)
		slices.Sort(got)
		if !slices.Equal(got, required) {
			t.Errorf("%s %s: schema requires %v, loader requires %v", file, obj.Name, got, required)
		}
		if def.AdditionalProperties == nil || *def.AdditionalProperties {
			t.Errorf("%s %s: additionalProperties must be false, as the loader rejects unknown fields", file, obj.Name)
		}
	}
}

// TestSchemaBlockTypes checks the block definition lists the loader's block
// types.
func TestSchemaBlockTypes(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "..", "docs", "schema", "leaflet.schema.json"))
	if err != nil {
		t.Fatal(err)
	}
	var root schemaObject
	if err := json.Unmarshal(data, &root); err != nil {
		t.Fatal(err)
	}
	var block struct {
		OneOf []schemaObject `json:"oneOf"`
	}
	if err := json.Unmarshal(root.Defs["block"], &block); err != nil {
		t.Fatal(err)
	}
	var keys []string
	for _, alt := range block.OneOf {
		for k := range alt.Properties {
			keys = append(keys, k)
		}
	}
	slices.Sort(keys)
	want := BlockTypes()
	slices.Sort(want)
	if !slices.Equal(keys, want) {
		t.Errorf("schema block types %v, loader block types %v", keys, want)
	}
}

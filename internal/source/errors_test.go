package source

import (
	"errors"
	"fmt"
	"slices"
	"testing"
)

func TestErrorsFlattenAtAnyDepth(t *testing.T) {
	a := Errorf(Pos{File: "a.yaml", Line: 1, Col: 2}, "first")
	b := errors.New("second")
	c := Errorf(Pos{File: "c.yaml"}, "third")
	err := error(Errors{a, Errors{b, errors.Join(c)}})
	got := Lines(err)
	want := []string{"a.yaml:1:2: first", "second", "c.yaml: third"}
	if !slices.Equal(got, want) {
		t.Fatalf("Lines = %q, want %q", got, want)
	}
	if err.Error() != "a.yaml:1:2: first\nsecond\nc.yaml: third" {
		t.Fatalf("Error() = %q", err.Error())
	}
	var se *Error
	if !errors.As(err, &se) || se != a {
		t.Fatalf("errors.As does not reach the positioned error")
	}
	if !errors.Is(fmt.Errorf("wrapped: %w", err), b) {
		t.Fatalf("errors.Is does not reach a nested problem")
	}
	if Flatten(nil) != nil {
		t.Fatalf("Flatten(nil) gives problems")
	}
}

func TestErrorsErrIsNilWhenEmpty(t *testing.T) {
	var es Errors
	if es.Err() != nil {
		t.Fatal("an empty list is an error")
	}
	es = append(es, errors.New("x"))
	if es.Err() == nil {
		t.Fatal("a list with a problem is not an error")
	}
}

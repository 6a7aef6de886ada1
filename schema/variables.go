package schema

import (
	"fmt"
	"math"

	"github.com/graphql-go/graphql"
	"github.com/graphql-go/graphql/language/ast"
)

// checkVariables applies the GraphQL specification's input coercion rules
// to a request's variables before anything uses them. graphql-go is more
// lenient than the specification (it reads "1000" as an Int, 2.7 as 2,
// any string as true and an object as a String), and the cost check and
// both executors must see the values the client meant, so a value of the
// wrong type is an INVALID request. A missing or null variable is left to
// validation and execution, which report a required one.
func checkVariables(sch *graphql.Schema, op *ast.OperationDefinition, vars map[string]any) *apiError {
	for _, vd := range op.VariableDefinitions {
		t := variableType(sch, vd.Type)
		if t == nil {
			continue // an unknown type, which validation reports
		}
		name := vd.Variable.Name.Value
		if msg := checkInput(t, vars[name]); msg != "" {
			return invalidf("Variable $%s of type %s: %s.", name, t, msg)
		}
	}
	return nil
}

// variableType resolves a variable's declared type, or returns nil.
func variableType(sch *graphql.Schema, t ast.Type) graphql.Input {
	switch t := t.(type) {
	case *ast.NonNull:
		if in := variableType(sch, t.Type); in != nil {
			return graphql.NewNonNull(in)
		}
	case *ast.List:
		if in := variableType(sch, t.Type); in != nil {
			return graphql.NewList(in)
		}
	case *ast.Named:
		switch x := sch.Type(t.Name.Value).(type) {
		case *graphql.Scalar:
			return x
		case *graphql.Enum:
			return x
		case *graphql.InputObject:
			return x
		}
	}
	return nil
}

// checkInput returns what is wrong with v as a JSON value of type t, or "".
func checkInput(t graphql.Input, v any) string {
	if nn, ok := t.(*graphql.NonNull); ok {
		if v == nil {
			return "null is not allowed"
		}
		t = nn.OfType
	}
	if v == nil {
		return ""
	}
	switch t := t.(type) {
	case *graphql.List:
		list, ok := v.([]any)
		if !ok {
			return checkInput(t.OfType, v) // one value stands for a list of one
		}
		for i, x := range list {
			if msg := checkInput(t.OfType, x); msg != "" {
				return fmt.Sprintf("item %d: %s", i, msg)
			}
		}
	case *graphql.InputObject:
		obj, ok := v.(map[string]any)
		if !ok {
			return "expected an object"
		}
		fields := t.Fields()
		for k := range obj {
			if fields[k] == nil {
				return fmt.Sprintf("unknown field %q", k)
			}
		}
		for name, f := range fields {
			if msg := checkInput(f.Type, obj[name]); msg != "" {
				return fmt.Sprintf("field %q: %s", name, msg)
			}
		}
	case *graphql.Enum:
		if s, ok := v.(string); !ok || t.ParseValue(s) == nil {
			return "expected one of its values, as a string"
		}
	case *graphql.Scalar:
		return checkScalar(t.Name(), v)
	}
	return ""
}

// checkScalar checks a JSON value against a built-in scalar type.
func checkScalar(name string, v any) string {
	f, isNumber := v.(float64)
	switch name {
	case "Int":
		if !isNumber || f != math.Trunc(f) || f < math.MinInt32 || f > math.MaxInt32 {
			return "expected a whole number that fits in 32 bits"
		}
	case "Float":
		if !isNumber {
			return "expected a number"
		}
	case "String":
		if _, ok := v.(string); !ok {
			return "expected a string"
		}
	case "Boolean":
		if _, ok := v.(bool); !ok {
			return "expected true or false"
		}
	case "ID":
		if _, ok := v.(string); !ok && (!isNumber || f != math.Trunc(f)) {
			return "expected a string or a whole number"
		}
	}
	return ""
}

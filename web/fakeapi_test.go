package web

import (
	"encoding/base64"
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/graphql-go/graphql"
	"github.com/graphql-go/graphql/language/ast"
	"github.com/graphql-go/graphql/language/parser"
)

// A fake GraphQL API for the browser test. Its schema is built from
// testdata/contract.graphql, the contract of issue 5, so graphql-go
// validates every query the page sends against the names and types the real
// server promises. Its data is a small world of map[string]any objects (see
// world_test.go); a field resolves to the map entry of its name, a function
// entry is called with the field's arguments, an entity or document given
// as an ID string is looked up, and a list becomes a Relay connection where
// the schema says so.

// rootResolver answers one field of Query from the world.
type rootResolver func(w *world, args map[string]any) (any, error)

// newFakeAPI returns an http.Handler serving the world at /graphql.
func newFakeAPI(t testing.TB, w *world, root map[string]rootResolver) http.Handler {
	t.Helper()
	sdl, err := os.ReadFile("testdata/contract.graphql")
	if err != nil {
		t.Fatal(err)
	}
	schema, err := schemaFromSDL(string(sdl), w, root)
	if err != nil {
		t.Fatalf("contract.graphql: %v", err)
	}
	return http.HandlerFunc(func(rw http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodPost || !strings.HasPrefix(r.Header.Get("Content-Type"), "application/json") {
			http.Error(rw, "the page must POST JSON", http.StatusBadRequest)
			return
		}
		var req struct {
			Query         string         `json:"query"`
			Variables     map[string]any `json:"variables"`
			OperationName string         `json:"operationName"`
		}
		if err := json.NewDecoder(r.Body).Decode(&req); err != nil {
			http.Error(rw, err.Error(), http.StatusBadRequest)
			return
		}
		res := graphql.Do(graphql.Params{
			Schema: schema, RequestString: req.Query, VariableValues: req.Variables,
			OperationName: req.OperationName, Context: r.Context(),
		})
		if len(res.Errors) > 0 {
			// A query outside the contract is a bug in the page: say so
			// in the test log as well as to the page.
			t.Errorf("fake API: %v\nquery: %s", res.Errors, req.Query)
		}
		rw.Header().Set("Content-Type", "application/json")
		json.NewEncoder(rw).Encode(res)
	})
}

// schemaFromSDL builds an executable schema from SDL type definitions.
func schemaFromSDL(sdl string, w *world, root map[string]rootResolver) (graphql.Schema, error) {
	doc, err := parser.Parse(parser.ParseParams{Source: sdl})
	if err != nil {
		return graphql.Schema{}, err
	}
	types := map[string]graphql.Type{
		"ID": graphql.ID, "String": graphql.String, "Int": graphql.Int,
		"Float": graphql.Float, "Boolean": graphql.Boolean,
	}
	var typeOf func(ast.Type) graphql.Type
	typeOf = func(t ast.Type) graphql.Type {
		switch t := t.(type) {
		case *ast.NonNull:
			return graphql.NewNonNull(typeOf(t.Type))
		case *ast.List:
			return graphql.NewList(typeOf(t.Type))
		case *ast.Named:
			if nt, ok := types[t.Name.Value]; ok {
				return nt
			}
			panic(fmt.Sprintf("unknown type %s", t.Name.Value))
		}
		panic(fmt.Sprintf("unexpected type node %T", t))
	}
	args := func(defs []*ast.InputValueDefinition) graphql.FieldConfigArgument {
		out := graphql.FieldConfigArgument{}
		for _, a := range defs {
			out[a.Name.Value] = &graphql.ArgumentConfig{Type: typeOf(a.Type), DefaultValue: defaultValue(a.DefaultValue)}
		}
		return out
	}
	// Enums and inputs first: objects refer to them when their fields are
	// built lazily.
	for _, def := range doc.Definitions {
		if e, ok := def.(*ast.EnumDefinition); ok {
			values := graphql.EnumValueConfigMap{}
			for _, v := range e.Values {
				values[v.Name.Value] = &graphql.EnumValueConfig{Value: v.Name.Value}
			}
			types[e.Name.Value] = graphql.NewEnum(graphql.EnumConfig{Name: e.Name.Value, Values: values})
		}
	}
	for _, def := range doc.Definitions {
		if in, ok := def.(*ast.InputObjectDefinition); ok {
			in := in
			types[in.Name.Value] = graphql.NewInputObject(graphql.InputObjectConfig{
				Name: in.Name.Value,
				Fields: graphql.InputObjectConfigFieldMapThunk(func() graphql.InputObjectConfigFieldMap {
					out := graphql.InputObjectConfigFieldMap{}
					for _, f := range in.Fields {
						out[f.Name.Value] = &graphql.InputObjectFieldConfig{Type: typeOf(f.Type)}
					}
					return out
				}),
			})
		}
	}
	for _, def := range doc.Definitions {
		o, ok := def.(*ast.ObjectDefinition)
		if !ok {
			continue
		}
		name := o.Name.Value
		types[name] = graphql.NewObject(graphql.ObjectConfig{
			Name: name,
			Fields: graphql.FieldsThunk(func() graphql.Fields {
				out := graphql.Fields{}
				for _, f := range o.Fields {
					field := f.Name.Value
					resolve := w.resolve
					if name == "Query" || name == "Mutation" {
						resolve = func(p graphql.ResolveParams) (any, error) {
							r := root[field]
							if r == nil {
								return nil, fmt.Errorf("fake API: %s.%s not implemented", name, field)
							}
							v, err := r(w, p.Args)
							if err != nil {
								return nil, err
							}
							return w.shape(v, p.Info.ReturnType, p.Args), nil
						}
					}
					out[field] = &graphql.Field{Type: typeOf(f.Type), Args: args(f.Arguments), Resolve: resolve}
				}
				return out
			}),
		})
	}
	q, _ := types["Query"].(*graphql.Object)
	m, _ := types["Mutation"].(*graphql.Object)
	return graphql.NewSchema(graphql.SchemaConfig{Query: q, Mutation: m})
}

func defaultValue(v ast.Value) any {
	switch v := v.(type) {
	case nil:
		return nil
	case *ast.IntValue:
		n, _ := strconv.Atoi(v.Value)
		return n
	case *ast.StringValue:
		return v.Value
	case *ast.EnumValue:
		return v.Value
	case *ast.BooleanValue:
		return v.Value
	}
	panic(fmt.Sprintf("default value %T not supported", v))
}

// resolve answers a field of an object from its map.
func (w *world) resolve(p graphql.ResolveParams) (any, error) {
	src, ok := p.Source.(map[string]any)
	if !ok {
		return nil, fmt.Errorf("fake API: %s of %T", p.Info.FieldName, p.Source)
	}
	v := src[p.Info.FieldName]
	if f, ok := v.(func(args map[string]any) any); ok {
		v = f(p.Args)
	}
	return w.shape(v, p.Info.ReturnType, p.Args), nil
}

// shape turns a world value into what type t expects: IDs of entities and
// documents into their objects, lists into connections, and lists cut to
// args["first"].
func (w *world) shape(v any, t graphql.Type, args map[string]any) any {
	if nn, ok := t.(*graphql.NonNull); ok {
		t = nn.OfType
	}
	switch tt := t.(type) {
	case *graphql.List:
		list, _ := v.([]any)
		if n, ok := args["first"].(int); ok && n >= 0 && n < len(list) {
			list = list[:n]
		}
		out := make([]any, len(list))
		for i, x := range list {
			out[i] = w.shape(x, tt.OfType, nil)
		}
		return out
	case *graphql.Object:
		if strings.HasSuffix(tt.Name(), "Connection") {
			return w.connection(v, tt, args)
		}
		if id, ok := v.(string); ok {
			switch tt.Name() {
			case "Entity":
				return w.entities[id]
			case "Document":
				return w.documents[id]
			}
		}
	}
	return v
}

// connection pages a list: first items after the cursor, which is the
// base64 of the last index seen.
func (w *world) connection(v any, t *graphql.Object, args map[string]any) any {
	list, _ := v.([]any)
	start := 0
	if after, ok := args["after"].(string); ok {
		b, _ := base64.StdEncoding.DecodeString(after)
		n, err := strconv.Atoi(string(b))
		if err == nil {
			start = n + 1
		}
	}
	start = min(start, len(list))
	end := len(list)
	if n, ok := args["first"].(int); ok && start+n < end {
		end = start + n
	}
	nodeType := t.Fields()["edges"].Type.(*graphql.NonNull).OfType.(*graphql.List).OfType.(*graphql.NonNull).OfType.(*graphql.Object).Fields()["node"].Type
	edges := []any{}
	cursor := func(i int) string { return base64.StdEncoding.EncodeToString([]byte(strconv.Itoa(i))) }
	for i := start; i < end; i++ {
		edges = append(edges, map[string]any{"cursor": cursor(i), "node": w.shape(list[i], nodeType, nil)})
	}
	var endCursor any
	if end > start {
		endCursor = cursor(end - 1)
	}
	return map[string]any{
		"edges":      edges,
		"pageInfo":   map[string]any{"hasNextPage": end < len(list), "endCursor": endCursor},
		"totalCount": len(list),
	}
}

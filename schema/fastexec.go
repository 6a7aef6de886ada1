package schema

import (
	"context"
	"math"
	"reflect"
	"slices"
	"strings"
	"sync/atomic"

	"github.com/graphql-go/graphql"
	"github.com/graphql-go/graphql/language/ast"
)

// The fast executor runs the common shape of query (fields, aliases and
// fragments, arguments with variables of scalar and enum types) with the
// schema's own resolvers, without graphql-go's executor, which spends about
// ten allocations on every field it resolves. A query is compiled once,
// when it is prepared, into a plan: its fields with fragments expanded and
// fields of the same response key merged, each with its definition, and
// its arguments evaluated already where they use no variables. Executing a
// plan calls the same resolvers graphql-go would, completes lists, objects
// and leaves the same way, and runs thunks after the synchronous part, in
// the order they were made, so that the loader batches a level's loads as
// it does under graphql-go. The result is encoded with its keys sorted, as
// graphql-go's maps are, so both executors give the same bytes.
//
// Anything else falls back to graphql-go: a query that is compiled not at
// all (a mutation, directives, introspection, input objects) and a request
// whose execution meets an error, a null in a non-null field or a
// variable it cannot coerce. Queries have no side effects, so executing
// such a request again with graphql-go gives its exact errors.

// plan is a compiled selection set on one object type.
type plan struct {
	typ    *graphql.Object
	fields []*planField
	sorted []int // indexes of fields, by response key

	sizeHint atomic.Int64 // bytes of the last response to the query, on the root plan
}

// planField is one response key of a plan.
type planField struct {
	key      string // response key: the alias or the field's name
	typename bool   // __typename
	def      *graphql.FieldDefinition
	argASTs  []*ast.Argument
	args     map[string]any // evaluated at compile time; nil if it uses variables
	sub      *plan          // for a field of object type (under lists and non-null)
}

// compileOperation compiles a query operation, or returns nil if it must
// run on graphql-go.
func compileOperation(sch *graphql.Schema, doc *ast.Document, op *ast.OperationDefinition) *plan {
	if op.Operation != ast.OperationTypeQuery || len(op.Directives) > 0 || sch.QueryType() == nil {
		return nil
	}
	frags := map[string]*ast.FragmentDefinition{}
	for _, d := range doc.Definitions {
		if f, ok := d.(*ast.FragmentDefinition); ok && f.Name != nil {
			frags[f.Name.Value] = f
		}
	}
	for _, vd := range op.VariableDefinitions {
		if _, ok := inputType(sch, vd.Type); !ok {
			return nil
		}
	}
	c := &compiler{frags: frags}
	return c.plan(sch.QueryType(), []*ast.SelectionSet{op.SelectionSet})
}

type compiler struct {
	frags map[string]*ast.FragmentDefinition
	depth int
}

// fieldGroup is the fields of one response key, in query order.
type fieldGroup struct {
	key    string
	fields []*ast.Field
}

func (c *compiler) plan(obj *graphql.Object, sets []*ast.SelectionSet) *plan {
	c.depth++
	defer func() { c.depth-- }()
	if c.depth > 64 {
		return nil
	}
	var groups []*fieldGroup
	for _, set := range sets {
		if !c.collect(obj, set, &groups, 0) {
			return nil
		}
	}
	p := &plan{typ: obj, fields: make([]*planField, 0, len(groups))}
	for _, g := range groups {
		f := g.fields[0]
		name := f.Name.Value
		pf := &planField{key: g.key}
		if name == "__typename" {
			pf.typename = true
			p.fields = append(p.fields, pf)
			continue
		}
		def := obj.Fields()[name]
		if def == nil || def.Resolve == nil {
			return nil
		}
		for _, other := range g.fields[1:] {
			// Validation made merged fields agree; take no chances.
			if other.Name.Value != name || len(other.Arguments) != len(f.Arguments) {
				return nil
			}
		}
		pf.def, pf.argASTs = def, f.Arguments
		if args, ok := fieldArgs(def, f.Arguments, nil, false); ok {
			pf.args = args
		}
		if target, ok := namedType(def.Type).(*graphql.Object); ok {
			var subs []*ast.SelectionSet
			for _, x := range g.fields {
				if x.SelectionSet == nil {
					return nil
				}
				subs = append(subs, x.SelectionSet)
			}
			if pf.sub = c.plan(target, subs); pf.sub == nil {
				return nil
			}
		} else if f.SelectionSet != nil {
			return nil
		}
		p.fields = append(p.fields, pf)
	}
	p.sorted = make([]int, len(p.fields))
	for i := range p.sorted {
		p.sorted[i] = i
	}
	slices.SortFunc(p.sorted, func(a, b int) int { return strings.Compare(p.fields[a].key, p.fields[b].key) })
	return p
}

// collect adds the fields of set to groups, expanding fragments. It
// returns false for what the fast executor does not run.
func (c *compiler) collect(obj *graphql.Object, set *ast.SelectionSet, groups *[]*fieldGroup, depth int) bool {
	if set == nil || depth > 32 {
		return false
	}
	for _, sel := range set.Selections {
		switch sel := sel.(type) {
		case *ast.Field:
			if len(sel.Directives) > 0 || sel.Name == nil {
				return false
			}
			name := sel.Name.Value
			if len(name) > 2 && name[:2] == "__" && name != "__typename" {
				return false
			}
			key := name
			if sel.Alias != nil && sel.Alias.Value != "" {
				key = sel.Alias.Value
			}
			found := false
			for _, g := range *groups {
				if g.key == key {
					g.fields = append(g.fields, sel)
					found = true
					break
				}
			}
			if !found {
				*groups = append(*groups, &fieldGroup{key: key, fields: []*ast.Field{sel}})
			}
		case *ast.InlineFragment:
			if len(sel.Directives) > 0 || (sel.TypeCondition != nil && sel.TypeCondition.Name.Value != obj.Name()) {
				return false
			}
			if !c.collect(obj, sel.SelectionSet, groups, depth+1) {
				return false
			}
		case *ast.FragmentSpread:
			f := c.frags[sel.Name.Value]
			if f == nil || len(sel.Directives) > 0 || len(f.Directives) > 0 ||
				f.TypeCondition == nil || f.TypeCondition.Name.Value != obj.Name() {
				return false
			}
			if !c.collect(obj, f.SelectionSet, groups, depth+1) {
				return false
			}
		default:
			return false
		}
	}
	return true
}

// namedType unwraps lists and non-null.
func namedType(t graphql.Type) graphql.Type {
	for {
		switch x := t.(type) {
		case *graphql.NonNull:
			t = x.OfType
		case *graphql.List:
			t = x.OfType
		default:
			return t
		}
	}
}

// inputType returns the schema type of a variable, if it is built of
// scalars and enums.
func inputType(sch *graphql.Schema, t ast.Type) (graphql.Input, bool) {
	switch t := t.(type) {
	case *ast.NonNull:
		in, ok := inputType(sch, t.Type)
		if !ok {
			return nil, false
		}
		return graphql.NewNonNull(in), true
	case *ast.List:
		in, ok := inputType(sch, t.Type)
		if !ok {
			return nil, false
		}
		return graphql.NewList(in), true
	case *ast.Named:
		switch x := sch.Type(t.Name.Value).(type) {
		case *graphql.Scalar:
			return x, true
		case *graphql.Enum:
			return x, true
		}
	}
	return nil, false
}

// fieldArgs evaluates a field's arguments as graphql-go does: a missing
// or null argument takes its default, and one still null is left out.
// With withVars false, an argument that uses a variable fails.
func fieldArgs(def *graphql.FieldDefinition, asts []*ast.Argument, vars map[string]any, withVars bool) (map[string]any, bool) {
	out := make(map[string]any, len(def.Args))
	for _, a := range def.Args {
		var v any
		for _, x := range asts {
			if x.Name != nil && x.Name.Value == a.PrivateName {
				var ok bool
				if v, ok = literal(x.Value, a.Type, vars, withVars); !ok {
					return nil, false
				}
			}
		}
		if isNullish(v) {
			v = a.DefaultValue
		}
		if !isNullish(v) {
			out[a.PrivateName] = v
		}
	}
	return out, true
}

// literal is the value of an argument or a variable's default of type t.
func literal(v ast.Value, t graphql.Input, vars map[string]any, withVars bool) (any, bool) {
	if v == nil {
		return nil, true
	}
	if x, ok := v.(*ast.Variable); ok {
		if !withVars {
			return nil, false
		}
		return vars[x.Name.Value], true
	}
	if nn, ok := t.(*graphql.NonNull); ok {
		t = nn.OfType
	}
	switch t := t.(type) {
	case *graphql.List:
		lv, ok := v.(*ast.ListValue)
		if !ok {
			x, ok := literal(v, t.OfType, vars, withVars)
			return []any{x}, ok
		}
		out := make([]any, len(lv.Values))
		for i, e := range lv.Values {
			var ok bool
			if out[i], ok = literal(e, t.OfType, vars, withVars); !ok {
				return nil, false
			}
		}
		return out, true
	case *graphql.Scalar:
		return t.ParseLiteral(v), true
	case *graphql.Enum:
		return t.ParseLiteral(v), true
	}
	return nil, false
}

// coerceVariables coerces a request's variables as graphql-go does, or
// fails where graphql-go would report an error.
func coerceVariables(sch *graphql.Schema, op *ast.OperationDefinition, input map[string]any) (map[string]any, bool) {
	if len(op.VariableDefinitions) == 0 {
		return nil, true
	}
	out := make(map[string]any, len(op.VariableDefinitions))
	for _, vd := range op.VariableDefinitions {
		t, ok := inputType(sch, vd.Type)
		if !ok {
			return nil, false
		}
		name := vd.Variable.Name.Value
		raw := input[name]
		if raw == nil {
			if _, nonNull := t.(*graphql.NonNull); nonNull {
				return nil, false
			}
			if vd.DefaultValue != nil {
				v, ok := literal(vd.DefaultValue, t, nil, false)
				if !ok || isNullish(v) {
					return nil, false
				}
				out[name] = v
			}
			continue
		}
		v, ok := coerceInput(t, raw)
		if !ok {
			return nil, false
		}
		out[name] = v
	}
	return out, true
}

func coerceInput(t graphql.Input, raw any) (any, bool) {
	if nn, ok := t.(*graphql.NonNull); ok {
		if raw == nil {
			return nil, false
		}
		t = nn.OfType
	}
	if raw == nil {
		return nil, true
	}
	switch t := t.(type) {
	case *graphql.List:
		list, ok := raw.([]any)
		if !ok {
			x, ok := coerceInput(t.OfType, raw)
			return []any{x}, ok
		}
		out := make([]any, len(list))
		for i, x := range list {
			if out[i], ok = coerceInput(t.OfType, x); !ok {
				return nil, false
			}
		}
		return out, true
	case *graphql.Scalar:
		if _, isMap := raw.(map[string]any); isMap {
			return nil, false
		}
		if _, isList := raw.([]any); isList {
			return nil, false
		}
		v := t.ParseValue(raw)
		return v, !isNullish(v)
	case *graphql.Enum:
		v := t.ParseValue(raw)
		return v, !isNullish(v)
	}
	return nil, false
}

// isNullish is graphql-go's test for a null result: nil, a nil pointer,
// or a NaN.
func isNullish(v any) bool {
	switch v := v.(type) {
	case nil:
		return true
	case string, int, bool:
		return false
	case *string:
		return v == nil
	case float64:
		return math.IsNaN(v)
	}
	rv := reflect.ValueOf(v)
	if rv.Kind() == reflect.Ptr {
		if rv.IsNil() {
			return true
		}
		rv = rv.Elem()
	}
	switch rv.Kind() {
	case reflect.Float32, reflect.Float64:
		return math.IsNaN(rv.Float())
	}
	return false
}

// object is an executed selection: the values of its plan's fields, in
// order.
type object struct {
	p    *plan
	vals []any
}

// fastExec is the state of one execution.
type fastExec struct {
	ctx    context.Context
	vars   map[string]any
	args   map[*planField]map[string]any // evaluated with variables
	queue  []func()
	failed bool

	// Objects and their values are cut from slabs, a few allocations
	// for a whole response rather than two for each object.
	objs []object
	vals []any
}

// executeFast runs a plan; ok is false if the request must be executed
// by graphql-go instead.
func executeFast(ctx context.Context, sch *graphql.Schema, p *plan, op *ast.OperationDefinition, input map[string]any) (data *object, ok bool) {
	vars, ok := coerceVariables(sch, op, input)
	if !ok {
		return nil, false
	}
	e := &fastExec{ctx: ctx, vars: vars}
	defer func() {
		if r := recover(); r != nil {
			data, ok = nil, false
		}
	}()
	root := e.object(p, nil)
	for i := 0; i < len(e.queue) && !e.failed; i++ {
		e.queue[i]()
	}
	if e.failed {
		return nil, false
	}
	return root, true
}

func (e *fastExec) object(p *plan, src any) *object {
	n := len(p.fields)
	// Each new slab is twice the last, up to a bound: small responses
	// stay small, large ones need few slabs.
	if len(e.objs) == cap(e.objs) {
		e.objs = make([]object, 0, min(max(2*cap(e.objs), 8), 256))
	}
	if cap(e.vals)-len(e.vals) < n {
		e.vals = make([]any, 0, max(n, min(max(2*cap(e.vals), 32), 1024)))
	}
	e.objs = append(e.objs, object{p: p, vals: e.vals[len(e.vals) : len(e.vals)+n : len(e.vals)+n]})
	e.vals = e.vals[:len(e.vals)+n]
	o := &e.objs[len(e.objs)-1]
	for i, f := range p.fields {
		if e.failed {
			break
		}
		if f.typename {
			o.vals[i] = p.typ.Name()
			continue
		}
		args := f.args
		if args == nil {
			args = e.argsOf(f)
		}
		v, err := f.def.Resolve(graphql.ResolveParams{Source: src, Args: args, Context: e.ctx})
		if err != nil {
			e.failed = true
			break
		}
		e.complete(f, f.def.Type, v, &o.vals[i])
	}
	return o
}

func (e *fastExec) argsOf(f *planField) map[string]any {
	if a, ok := e.args[f]; ok {
		return a
	}
	a, ok := fieldArgs(f.def, f.argASTs, e.vars, true)
	if !ok {
		e.failed = true
	}
	if e.args == nil {
		e.args = make(map[*planField]map[string]any)
	}
	e.args[f] = a
	return a
}

// complete stores in slot the completed value v of type t.
func (e *fastExec) complete(f *planField, t graphql.Type, v any, slot *any) {
	if th, ok := v.(func() (any, error)); ok {
		e.later(f, t, th, slot)
		return
	}
	nonNull := false
	if nn, ok := t.(*graphql.NonNull); ok {
		nonNull, t = true, nn.OfType
	}
	if isNullish(v) {
		*slot = nil
		if nonNull {
			e.failed = true
		}
		return
	}
	switch t := t.(type) {
	case *graphql.List:
		rv := reflect.ValueOf(v)
		if rv.Kind() != reflect.Slice && rv.Kind() != reflect.Array {
			e.failed = true
			return
		}
		out := make([]any, rv.Len())
		for i := range out {
			e.complete(f, t.OfType, rv.Index(i).Interface(), &out[i])
		}
		*slot = out
	case *graphql.Object:
		*slot = e.object(f.sub, v)
	case *graphql.Scalar:
		if s, ok := v.(*string); ok && (t == graphql.String || t == graphql.ID) {
			*slot = s // encoded as its string, with no boxing
			return
		}
		*slot = leaf(t.Serialize(v), nonNull, e)
	case *graphql.Enum:
		*slot = leaf(t.Serialize(v), nonNull, e)
	default:
		e.failed = true
	}
}

// later queues a thunk, to be completed into slot once it has run. (A
// function of its own, so that complete's arguments need not live on the
// heap for the closure's sake.)
func (e *fastExec) later(f *planField, t graphql.Type, th func() (any, error), slot *any) {
	e.queue = append(e.queue, func() {
		x, err := th()
		if err != nil {
			e.failed = true
			return
		}
		e.complete(f, t, x, slot)
	})
}

func leaf(v any, nonNull bool, e *fastExec) any {
	if isNullish(v) {
		if nonNull {
			e.failed = true
		}
		return nil
	}
	return v
}

// appendObject appends an executed object as JSON, its keys sorted.
func appendObject(b []byte, o *object) []byte {
	b = append(b, '{')
	for n, i := range o.p.sorted {
		if n > 0 {
			b = append(b, ',')
		}
		b = appendString(b, o.p.fields[i].key)
		b = append(b, ':')
		b = appendValue(b, o.vals[i])
	}
	return append(b, '}')
}

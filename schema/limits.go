package schema

import (
	"strconv"
	"strings"

	"github.com/graphql-go/graphql"
	"github.com/graphql-go/graphql/language/ast"
)

// Limits are checked in three steps, each before any resolver runs:
//
//  1. nesting, on the raw text before parsing, so that a pathological
//     "{a{a{a…" cannot make the recursive-descent parser recurse a million
//     times;
//  2. staticLimits, on the parsed document before validation (some
//     validation rules are quadratic in the number of fields): depth,
//     aliases, root fields and the number of fields with every fragment
//     expanded, which also stops fragments that multiply each other;
//  3. costOf, on the validated document with the request's variables:
//     every `first` within bounds, and the estimated number of values the
//     response will hold within MaxCost.

// introspectionDepth is the depth allowed inside __schema and __type, which
// GraphiQL's introspection query needs (type references nest eight deep).
const introspectionDepth = 16

// defaultListSize is the assumed length of a list with no `first` argument
// (aliases, roles, participants, a path).
const defaultListSize = 10

// nesting returns the deepest nesting of brackets in a query text, outside
// strings and comments.
func nesting(q string) int {
	depth, most := 0, 0
	for i := 0; i < len(q); i++ {
		switch q[i] {
		case '{', '(', '[':
			depth++
			most = max(most, depth)
		case '}', ')', ']':
			depth--
		case '#':
			for i < len(q) && q[i] != '\n' {
				i++
			}
		case '"':
			if strings.HasPrefix(q[i:], `"""`) {
				end := strings.Index(q[i+3:], `"""`)
				if end < 0 {
					return most
				}
				i += 3 + end + 2
				continue
			}
			for i++; i < len(q) && q[i] != '"' && q[i] != '\n'; i++ {
				if q[i] == '\\' {
					i++
				}
			}
		}
	}
	return most
}

// shape is what staticLimits measures of one operation.
type shape struct {
	depth, introspectionDepth int
	aliases, rootFields       int
	fields                    int
}

// Bounds on what graphql-go's validation takes time for, checked before it
// runs: some of its rules are quadratic, and every error it reports scans
// the whole query text to find a line number.
const (
	maxDefinitions = 100  // operations and fragments in one document
	maxVariables   = 100  // variable definitions of one operation
	maxArguments   = 1000 // arguments of fields and directives in one document
)

// staticLimits checks every operation of doc against the limits that do not
// depend on variables, and refuses fragment cycles, which validation would
// follow forever.
func staticLimits(doc *ast.Document, cfg *Config) *apiError {
	if n := len(doc.Definitions); n > maxDefinitions {
		return limitf("definitions", "The query has %d operations and fragments; at most %d are allowed.", n, maxDefinitions)
	}
	c := &docCounter{}
	for _, def := range doc.Definitions {
		switch def := def.(type) {
		case *ast.OperationDefinition:
			if n := len(def.VariableDefinitions); n > maxVariables {
				return limitf("variables", "The operation declares %d variables; at most %d are allowed.", n, maxVariables)
			}
			c.directives(def.Directives)
			c.count(def.SelectionSet)
		case *ast.FragmentDefinition:
			c.directives(def.Directives)
			c.count(def.SelectionSet)
		}
	}
	switch {
	case c.fields > cfg.MaxFields:
		return limitf("fields", "The query text selects more than %d fields.", cfg.MaxFields)
	case c.arguments > maxArguments:
		return limitf("arguments", "The query passes %d arguments; at most %d are allowed.", c.arguments, maxArguments)
	}
	frags := fragments(doc)
	if cycle := fragmentCycle(doc, frags); cycle != nil {
		return invalidf("Fragment %s spreads itself: %s.", cycle[0], strings.Join(cycle, " → "))
	}
	for _, def := range doc.Definitions {
		op, ok := def.(*ast.OperationDefinition)
		if !ok {
			continue
		}
		w := &shapeWalker{frags: frags, maxFields: cfg.MaxFields, active: map[string]bool{}}
		w.walk(op.SelectionSet, 1, false, true)
		s := w.shape
		switch {
		case w.tooMany:
			return limitf("fields", "The query selects more than %d fields (with fragments expanded).", cfg.MaxFields)
		case s.depth > cfg.MaxDepth:
			return limitf("depth", "The query is %d levels deep; at most %d are allowed.", s.depth, cfg.MaxDepth)
		case s.introspectionDepth > max(cfg.MaxDepth, introspectionDepth):
			return limitf("depth", "The introspection query is %d levels deep; at most %d are allowed.", s.introspectionDepth, max(cfg.MaxDepth, introspectionDepth))
		case s.aliases > cfg.MaxAliases:
			return limitf("aliases", "The query uses %d aliases; at most %d are allowed.", s.aliases, cfg.MaxAliases)
		case s.rootFields > cfg.MaxRootFields:
			return limitf("rootFields", "The query asks for %d root fields; at most %d are allowed.", s.rootFields, cfg.MaxRootFields)
		}
	}
	return nil
}

// docCounter counts the fields and arguments written in a document,
// without expanding fragments.
type docCounter struct{ fields, arguments int }

func (c *docCounter) count(ss *ast.SelectionSet) {
	if ss == nil {
		return
	}
	for _, sel := range ss.Selections {
		switch sel := sel.(type) {
		case *ast.Field:
			c.fields++
			c.arguments += len(sel.Arguments)
			c.directives(sel.Directives)
			c.count(sel.SelectionSet)
		case *ast.InlineFragment:
			c.directives(sel.Directives)
			c.count(sel.SelectionSet)
		case *ast.FragmentSpread:
			c.directives(sel.Directives)
		}
	}
}

func (c *docCounter) directives(ds []*ast.Directive) {
	for _, d := range ds {
		c.arguments += len(d.Arguments)
	}
}

// fragmentCycle returns a cycle of fragment spreads ("A", "B", "A"), or
// nil. Every fragment of the document is searched, used or not, as
// validation looks at all of them.
func fragmentCycle(doc *ast.Document, frags map[string]*ast.FragmentDefinition) []string {
	const (
		onPath = iota + 1
		done
	)
	state := map[string]int{}
	var path []string
	var visit func(name string) []string
	var spreads func(ss *ast.SelectionSet) []string
	spreads = func(ss *ast.SelectionSet) []string {
		if ss == nil {
			return nil
		}
		for _, sel := range ss.Selections {
			var cycle []string
			switch sel := sel.(type) {
			case *ast.Field:
				cycle = spreads(sel.SelectionSet)
			case *ast.InlineFragment:
				cycle = spreads(sel.SelectionSet)
			case *ast.FragmentSpread:
				cycle = visit(sel.Name.Value)
			}
			if cycle != nil {
				return cycle
			}
		}
		return nil
	}
	visit = func(name string) []string {
		f := frags[name]
		switch {
		case f == nil || state[name] == done:
			return nil
		case state[name] == onPath:
			for i, n := range path {
				if n == name {
					return append(append([]string(nil), path[i:]...), name)
				}
			}
		}
		state[name] = onPath
		path = append(path, name)
		if cycle := spreads(f.SelectionSet); cycle != nil {
			return cycle
		}
		path = path[:len(path)-1]
		state[name] = done
		return nil
	}
	for _, def := range doc.Definitions {
		if f, ok := def.(*ast.FragmentDefinition); ok && f.Name != nil {
			if cycle := visit(f.Name.Value); cycle != nil {
				return cycle
			}
		}
	}
	return nil
}

// flattenUntypedFragments replaces every inline fragment without a type
// condition or directives ("... { documents }") by its selections, which
// mean the same. graphql-go's validation wrongly rejects such a fragment
// under a non-null field ("objects of type Stats can never be of type
// Stats!").
func flattenUntypedFragments(doc *ast.Document) {
	var flatten func(ss *ast.SelectionSet)
	flatten = func(ss *ast.SelectionSet) {
		if ss == nil {
			return
		}
		out := ss.Selections[:0:0]
		changed := false
		for _, sel := range ss.Selections {
			switch sel := sel.(type) {
			case *ast.Field:
				flatten(sel.SelectionSet)
			case *ast.InlineFragment:
				flatten(sel.SelectionSet)
				if sel.TypeCondition == nil && len(sel.Directives) == 0 && sel.SelectionSet != nil {
					out = append(out, sel.SelectionSet.Selections...)
					changed = true
					continue
				}
			}
			out = append(out, sel)
		}
		if changed {
			ss.Selections = out
		}
	}
	for _, def := range doc.Definitions {
		switch def := def.(type) {
		case *ast.OperationDefinition:
			flatten(def.SelectionSet)
		case *ast.FragmentDefinition:
			flatten(def.SelectionSet)
		}
	}
}

func fragments(doc *ast.Document) map[string]*ast.FragmentDefinition {
	m := make(map[string]*ast.FragmentDefinition)
	for _, def := range doc.Definitions {
		if f, ok := def.(*ast.FragmentDefinition); ok && f.Name != nil {
			m[f.Name.Value] = f
		}
	}
	return m
}

// shapeWalker expands fragments as it walks, stopping as soon as the number
// of fields passes maxFields, so that its own work is bounded too.
type shapeWalker struct {
	frags     map[string]*ast.FragmentDefinition
	maxFields int
	active    map[string]bool // fragments being expanded (staticLimits refuses cycles first)
	shape
	tooMany bool
}

func (w *shapeWalker) walk(ss *ast.SelectionSet, depth int, intro, root bool) {
	if ss == nil || w.tooMany {
		return
	}
	for _, sel := range ss.Selections {
		switch sel := sel.(type) {
		case *ast.Field:
			w.fields++
			if w.fields > w.maxFields {
				w.tooMany = true
				return
			}
			if root {
				w.rootFields++
			}
			if sel.Alias != nil && sel.Alias.Value != "" {
				w.aliases++
			}
			name := sel.Name.Value
			in := intro || name == "__schema" || name == "__type"
			if in {
				w.introspectionDepth = max(w.introspectionDepth, depth)
			} else {
				w.depth = max(w.depth, depth)
			}
			w.walk(sel.SelectionSet, depth+1, in, false)
		case *ast.InlineFragment:
			w.walk(sel.SelectionSet, depth, intro, root)
		case *ast.FragmentSpread:
			name := sel.Name.Value
			f := w.frags[name]
			if f == nil || w.active[name] {
				continue
			}
			w.active[name] = true
			w.walk(f.SelectionSet, depth, intro, root)
			delete(w.active, name)
		}
	}
}

// introspectionLists are the list fields of the introspection types.
var introspectionLists = map[string]bool{
	"types": true, "fields": true, "args": true, "inputFields": true, "interfaces": true,
	"enumValues": true, "possibleTypes": true, "directives": true, "locations": true,
}

// costWalker estimates the size of a response: every field costs one, times
// the number of parents it is resolved for. A field with a `first` argument
// multiplies what is under it by `first`; a list without one by
// defaultListSize; the edges of a connection were already counted by the
// connection's `first`.
type costWalker struct {
	schema *graphql.Schema
	frags  map[string]*ast.FragmentDefinition
	vars   map[string]any
	defs   map[string]ast.Value // variable defaults
	cfg    *Config
	err    *apiError
	active map[string]bool
}

// costOf returns the estimated cost of op, or an error if an argument is
// out of bounds or the cost exceeds MaxCost.
func costOf(schema *graphql.Schema, doc *ast.Document, op *ast.OperationDefinition, vars map[string]any, cfg *Config) (int, *apiError) {
	w := &costWalker{schema: schema, frags: fragments(doc), vars: vars, defs: map[string]ast.Value{}, cfg: cfg, active: map[string]bool{}}
	for _, vd := range op.VariableDefinitions {
		if vd.Variable != nil && vd.Variable.Name != nil && vd.DefaultValue != nil {
			w.defs[vd.Variable.Name.Value] = vd.DefaultValue
		}
	}
	var root graphql.Type = schema.QueryType()
	if op.Operation == ast.OperationTypeMutation {
		root = schema.MutationType()
	}
	cost := w.selections(op.SelectionSet, root)
	if w.err != nil {
		return 0, w.err
	}
	if cost > cfg.MaxCost {
		return cost, limitf("cost", "The query's estimated cost is %d; at most %d is allowed. Ask for fewer items with `first`.", cost, cfg.MaxCost)
	}
	return cost, nil
}

func (w *costWalker) selections(ss *ast.SelectionSet, parent graphql.Type) int {
	if ss == nil || w.err != nil {
		return 0
	}
	total := 0
	for _, sel := range ss.Selections {
		switch sel := sel.(type) {
		case *ast.Field:
			total += w.field(sel, parent)
		case *ast.InlineFragment:
			total += w.selections(sel.SelectionSet, w.condition(sel.TypeCondition, parent))
		case *ast.FragmentSpread:
			f := w.frags[sel.Name.Value]
			if f == nil || w.active[f.Name.Value] {
				continue
			}
			w.active[f.Name.Value] = true
			total += w.selections(f.SelectionSet, w.condition(f.TypeCondition, parent))
			delete(w.active, f.Name.Value)
		}
	}
	return total
}

func (w *costWalker) condition(cond *ast.Named, parent graphql.Type) graphql.Type {
	if cond == nil || cond.Name == nil {
		return parent
	}
	if t := w.schema.Type(cond.Name.Value); t != nil {
		return t
	}
	return parent
}

func (w *costWalker) field(f *ast.Field, parent graphql.Type) int {
	name := f.Name.Value
	if strings.HasPrefix(name, "__") {
		return 1 + w.introspection(f.SelectionSet)
	}
	obj, ok := parent.(*graphql.Object)
	if !ok {
		return 1
	}
	def, ok := obj.Fields()[name]
	if !ok {
		return 1
	}
	n := 1
	isList := false
	named := def.Type
	for {
		if nn, ok := named.(*graphql.NonNull); ok {
			named = nn.OfType
		} else if l, ok := named.(*graphql.List); ok {
			isList = true
			named = l.OfType
		} else {
			break
		}
	}
	switch {
	case hasArg(def, "first"):
		n = w.intArg(f, def, "first")
		switch {
		case n < 0:
			w.fail(invalidf("`first` must not be negative; %s got %d.", name, n))
		case n > w.cfg.MaxFirst:
			w.fail(limitf("first", "`first` is at most %d; %s got %d.", w.cfg.MaxFirst, name, n))
		}
		n = max(n, 1)
	case hasArg(def, "maxHops"):
		n = w.intArg(f, def, "maxHops")
		if n < 1 || n > w.cfg.MaxHops {
			w.fail(limitf("maxHops", "`maxHops` must be between 1 and %d; got %d.", w.cfg.MaxHops, n))
		}
	case isList && name == "edges" && strings.HasSuffix(obj.Name(), "Connection"):
		n = 1
	case isList:
		n = defaultListSize
	}
	return 1 + n*w.selections(f.SelectionSet, named)
}

func (w *costWalker) introspection(ss *ast.SelectionSet) int {
	if ss == nil {
		return 0
	}
	total := 0
	for _, sel := range ss.Selections {
		switch sel := sel.(type) {
		case *ast.Field:
			n := 1
			if introspectionLists[sel.Name.Value] {
				n = defaultListSize
			}
			total += 1 + n*w.introspection(sel.SelectionSet)
		case *ast.InlineFragment:
			total += w.introspection(sel.SelectionSet)
		case *ast.FragmentSpread:
			f := w.frags[sel.Name.Value]
			if f == nil || w.active[f.Name.Value] {
				continue
			}
			w.active[f.Name.Value] = true
			total += w.introspection(f.SelectionSet)
			delete(w.active, f.Name.Value)
		}
	}
	return total
}

func (w *costWalker) fail(err *apiError) {
	if w.err == nil {
		w.err = err
	}
}

func hasArg(def *graphql.FieldDefinition, name string) bool {
	for _, a := range def.Args {
		if a.Name() == name {
			return true
		}
	}
	return false
}

// intArg returns the value of an Int argument: a literal, a variable (or
// its default) or the argument's default.
func (w *costWalker) intArg(f *ast.Field, def *graphql.FieldDefinition, name string) int {
	for _, a := range f.Arguments {
		if a.Name == nil || a.Name.Value != name {
			continue
		}
		if n, ok := w.value(a.Value); ok {
			return n
		}
	}
	for _, a := range def.Args {
		if a.Name() == name {
			if n, ok := a.DefaultValue.(int); ok {
				return n
			}
		}
	}
	return defaultListSize
}

func (w *costWalker) value(v ast.Value) (int, bool) {
	switch v := v.(type) {
	case *ast.IntValue:
		n, err := strconv.Atoi(v.Value)
		if err != nil {
			// Too large for an int; graphql-go rejects it too.
			return w.cfg.MaxFirst + 1, true
		}
		return n, true
	case *ast.Variable:
		if v.Name == nil {
			return 0, false
		}
		if x, ok := w.vars[v.Name.Value]; ok && x != nil {
			switch x := x.(type) {
			case float64:
				return int(x), true
			case int:
				return x, true
			case string:
				// graphql-go rejects it when coercing variables.
				return 0, false
			default:
				w.fail(invalidf("Variable $%s must be an integer.", v.Name.Value))
				return 0, false
			}
		}
		if d, ok := w.defs[v.Name.Value]; ok {
			return w.value(d)
		}
	}
	return 0, false
}

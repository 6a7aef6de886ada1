package relate

import (
	"bytes"
	_ "embed"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"sync"

	"github.com/factgraph/factgraph/graph"
)

// label is one predicate the reader states, with the entity types it
// relates.
type label struct {
	pred       string
	subj, objs []graph.EntityType
}

func (l label) fits(s, o graph.EntityType) bool {
	ok := false
	for _, t := range l.subj {
		ok = ok || t == s
	}
	if !ok {
		return false
	}
	for _, t := range l.objs {
		if t == o {
			return true
		}
	}
	return false
}

// leaderOf is the position the reader states for a head of state,
// government, ministry or organization: it does not read which title.
const leaderOf = "leader_of"

var (
	per, org, place = graph.Person, graph.Organization, graph.Place
	// labels are the predicates, in the order of a model's weight rows.
	labels = []label{
		{graph.CitizenOf, []graph.EntityType{per}, []graph.EntityType{place}},
		{graph.MemberOf, []graph.EntityType{per, org, place}, []graph.EntityType{org}},
		{graph.EmployeeOf, []graph.EntityType{per}, []graph.EntityType{org, place}},
		{leaderOf, []graph.EntityType{per}, []graph.EntityType{org, place}},
		{graph.LocatedIn, []graph.EntityType{place}, []graph.EntityType{place}},
		{graph.BasedIn, []graph.EntityType{org}, []graph.EntityType{place}},
	}
)

// Model is a trained relation reader: one averaged perceptron per label
// over hashed features, and a threshold per label. It is immutable after
// loading and safe for concurrent use.
type Model struct {
	bits   uint8
	w      []float32 // (1<<bits) x len(labels)
	thresh []float32 // per label; a score above it states the relation
}

// Found is a relation the reader states.
type Found struct {
	Subj, Obj  int // indexes into the entities given to Read
	Predicate  string
	Confidence float64
	Ev         graph.Mention
}

// Read returns the relations the model states between the entities of one
// document; rels are the relations the rules read. A relation the rules
// already state is not returned again, nor leader_of where they read a
// position (president_of says more).
func (m *Model) Read(text string, ents []*graph.Entity, rels []*graph.Relation) []Found {
	have := map[[3]string]bool{}
	for _, r := range rels {
		have[[3]string{r.Subject, r.Predicate, r.Object}] = true
		if r.Role != "" {
			have[[3]string{r.Subject, leaderOf, r.Object}] = true
		}
	}
	var out []Found
	scores := make([]float32, len(labels))
	candidates(text, ents, rels, func(c Candidate) {
		m.score(c.feats, scores)
		s, o := ents[c.Subj], ents[c.Obj]
		for li, l := range labels {
			if !l.fits(s.Type, o.Type) || scores[li] <= m.thresh[li] || have[[3]string{s.ID, l.pred, o.ID}] {
				continue
			}
			conf := 1 / (1 + math.Exp(-float64(scores[li]-m.thresh[li])))
			out = append(out, Found{Subj: c.Subj, Obj: c.Obj, Predicate: l.pred, Confidence: 0.5 + 0.4*(conf-0.5)*2, Ev: c.Ev})
		}
	})
	return out
}

func (m *Model) score(feats []uint32, out []float32) {
	clear(out)
	mask := uint32(1)<<m.bits - 1
	k := len(labels)
	for _, f := range feats {
		row := m.w[int(f&mask)*k:][:k]
		for i, v := range row {
			out[i] += v
		}
	}
}

//go:embed model.bin
var embedded []byte

var (
	defaultOnce  sync.Once
	defaultModel *Model
	defaultErr   error
)

// Default returns the model embedded in the binary, loading it on first use.
func Default() (*Model, error) {
	defaultOnce.Do(func() {
		defaultModel, defaultErr = ReadModel(bytes.NewReader(embedded))
		if defaultErr != nil {
			defaultErr = fmt.Errorf("load embedded relation model: %w", defaultErr)
		}
	})
	return defaultModel, defaultErr
}

// magic starts a model file; the version follows it.
const magic = "FGREL1\n"

// WriteTo writes the model: magic, bits, the label names, the thresholds,
// then the non-zero weight rows as (bucket, weights).
func (m *Model) WriteTo(w io.Writer) (int64, error) {
	var b bytes.Buffer
	b.WriteString(magic)
	b.WriteByte(m.bits)
	b.WriteByte(byte(len(labels)))
	for i, l := range labels {
		b.WriteByte(byte(len(l.pred)))
		b.WriteString(l.pred)
		binary.Write(&b, binary.LittleEndian, m.thresh[i])
	}
	k := len(labels)
	var rows []uint32
	for r := 0; r < len(m.w)/k; r++ {
		for _, v := range m.w[r*k : r*k+k] {
			if v != 0 {
				rows = append(rows, uint32(r))
				break
			}
		}
	}
	binary.Write(&b, binary.LittleEndian, uint32(len(rows)))
	for _, r := range rows {
		binary.Write(&b, binary.LittleEndian, r)
		binary.Write(&b, binary.LittleEndian, m.w[int(r)*k:int(r)*k+k])
	}
	n, err := w.Write(b.Bytes())
	return int64(n), err
}

// ReadModel reads a model written by WriteTo.
func ReadModel(r io.Reader) (*Model, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	bad := errors.New("not a relation model, or one of another version")
	if !bytes.HasPrefix(data, []byte(magic)) || len(data) < len(magic)+2 {
		return nil, bad
	}
	p := data[len(magic):]
	m := &Model{bits: p[0]}
	if m.bits < 8 || m.bits > 24 || int(p[1]) != len(labels) {
		return nil, bad
	}
	p = p[2:]
	for _, l := range labels {
		if len(p) < 1 || len(p) < 1+int(p[0])+4 || string(p[1:1+int(p[0])]) != l.pred {
			return nil, fmt.Errorf("relation model: labels differ from the reader's (want %s)", l.pred)
		}
		p = p[1+int(p[0]):]
		m.thresh = append(m.thresh, math.Float32frombits(binary.LittleEndian.Uint32(p)))
		p = p[4:]
	}
	if len(p) < 4 {
		return nil, bad
	}
	n := int(binary.LittleEndian.Uint32(p))
	p = p[4:]
	k := len(labels)
	if len(p) != n*(4+4*k) {
		return nil, errors.New("relation model: truncated")
	}
	m.w = make([]float32, (1<<m.bits)*k)
	for i := 0; i < n; i++ {
		r := int(binary.LittleEndian.Uint32(p))
		if r >= 1<<m.bits {
			return nil, errors.New("relation model: row out of range")
		}
		p = p[4:]
		for j := 0; j < k; j++ {
			m.w[r*k+j] = math.Float32frombits(binary.LittleEndian.Uint32(p))
			p = p[4:]
		}
	}
	return m, nil
}

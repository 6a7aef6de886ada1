// Package corpus reads the annotated and raw news corpora under
// ../shared/data into one shape, Doc, for training and evaluating the
// entity tagger.
//
// Annotated IOB files are detokenised exactly as ../shared/eval/conll2jsonl.py
// does (tokens joined by one space, sentences by "\n"), so that the offsets
// of a Doc equal those of the gold JSONL that score.py reads.
package corpus

import (
	"bufio"
	"encoding/json"
	"fmt"
	"hash/fnv"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"unicode/utf8"
)

// Class is a gold entity class before mapping to the tagger's labels.
type Class string

// Classes the tagger learns. Misc covers CoNLL MISC, Worldwide NORP,
// Misc, Product and Facility, and GUM events: names that are not a person,
// place or organization.
const (
	Person Class = "PER"
	Place  Class = "LOC"
	Org    Class = "ORG"
	Misc   Class = "MISC"
)

// Span is a gold entity: code points [Start, End) of Doc.Text.
type Span struct {
	Start, End int
	Class      Class
}

// Doc is one annotated (or raw, when Spans is nil) document.
type Doc struct {
	ID    string
	Text  string
	Spans []Span
	// Partial marks code-point ranges whose annotation does not follow the
	// CoNLL conventions; trainers skip sentences that overlap one.
	Partial []Span
}

var iobClass = map[string]Class{
	"PER": Person, "Person": Person,
	"LOC": Place, "Location": Place,
	"ORG": Org, "Organization": Org,
	"MISC": Misc, "Misc": Misc, "NORP": Misc, "Product": Misc, "Facility": Misc,
	"Date": "", "Money": "",
}

type tokTag struct{ tok, tag string }

// ReadCoNLL reads a CoNLL-2003 file (TOKEN POS CHUNK NER, IOB2,
// -DOCSTART- separated). Document ids are prefix-0001, prefix-0002, ….
func ReadCoNLL(path, prefix string) ([]Doc, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var (
		docs []Doc
		doc  [][]tokTag
		sent []tokTag
		n    int
	)
	flushDoc := func() error {
		if len(sent) > 0 {
			doc = append(doc, sent)
			sent = nil
		}
		if len(doc) > 0 {
			d, err := fromIOB(fmt.Sprintf("%s-%04d", prefix, len(docs)+1), doc)
			if err != nil {
				return err
			}
			docs = append(docs, d)
		}
		doc = nil
		return nil
	}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		n++
		line := strings.TrimRight(sc.Text(), "\r")
		switch {
		case strings.HasPrefix(line, "-DOCSTART-"):
			if err := flushDoc(); err != nil {
				return nil, err
			}
		case strings.TrimSpace(line) == "":
			if len(sent) > 0 {
				doc = append(doc, sent)
				sent = nil
			}
		default:
			parts := strings.Fields(line)
			if len(parts) < 2 {
				return nil, fmt.Errorf("%s:%d: expected TOKEN ... TAG, got %q", path, n, line)
			}
			sent = append(sent, tokTag{parts[0], parts[len(parts)-1]})
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if err := flushDoc(); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return docs, nil
}

// ReadWorldwide reads every *.txt.tsv file of the En-Worldwide
// processed_annotated folder, one document per file, with the leading
// source URL dropped. The id is the file name up to its first dot, as
// conll2jsonl.py names it.
func ReadWorldwide(dir string) ([]Doc, error) {
	names, err := filepath.Glob(filepath.Join(dir, "*.tsv"))
	if err != nil {
		return nil, err
	}
	if len(names) == 0 {
		return nil, fmt.Errorf("%s: no *.tsv files", dir)
	}
	sort.Strings(names)
	var docs []Doc
	for _, name := range names {
		data, err := os.ReadFile(name)
		if err != nil {
			return nil, err
		}
		var doc [][]tokTag
		var sent []tokTag
		for i, line := range strings.Split(string(data), "\n") {
			line = strings.TrimRight(line, "\r")
			if strings.TrimSpace(line) == "" {
				if len(sent) > 0 {
					doc = append(doc, sent)
					sent = nil
				}
				continue
			}
			var tok, tag string
			if strings.Contains(line, "\t") {
				parts := strings.Split(line, "\t")
				tok, tag = parts[0], parts[1]
			} else {
				j := strings.LastIndexAny(line, " \t")
				if j < 0 {
					return nil, fmt.Errorf("%s:%d: expected TOKEN<TAB>LABEL, got %q", name, i+1, line)
				}
				tok, tag = strings.TrimSpace(line[:j]), line[j+1:]
			}
			sent = append(sent, tokTag{tok, tag})
		}
		if len(sent) > 0 {
			doc = append(doc, sent)
		}
		doc = dropURL(doc)
		if len(doc) == 0 {
			continue
		}
		stem := filepath.Base(name)
		if i := strings.IndexByte(stem, '.'); i >= 0 {
			stem = stem[:i]
		}
		d, err := fromIOB(stem, doc)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		docs = append(docs, d)
	}
	return docs, nil
}

func dropURL(doc [][]tokTag) [][]tokTag {
	if len(doc) == 0 {
		return doc
	}
	first := doc[0]
	low := strings.ToLower(first[0].tok)
	if !strings.HasPrefix(low, "http") && !strings.HasPrefix(low, "www") {
		return doc
	}
	allO := true
	for _, t := range first {
		allO = allO && t.tag == "O"
	}
	if allO || len(first) == 1 {
		return doc[1:]
	}
	return append([][]tokTag{first[1:]}, doc[1:]...)
}

// fromIOB detokenises sentences and decodes IOB1/IOB2 tags into spans, the
// way conll2jsonl.py does.
func fromIOB(id string, doc [][]tokTag) (Doc, error) {
	var b strings.Builder
	var spans []Span
	var open []int // index into spans of the open entity, per label run
	pos := 0
	for si, sent := range doc {
		if si > 0 {
			b.WriteByte('\n')
			pos++
		}
		prev := "O"
		open = open[:0]
		for ti, t := range sent {
			if ti > 0 {
				b.WriteByte(' ')
				pos++
			}
			start := pos
			b.WriteString(t.tok)
			pos += utf8.RuneCountInString(t.tok)
			tag := t.tag
			if tag == "O" {
				prev = tag
				continue
			}
			if len(tag) < 3 || (tag[:2] != "B-" && tag[:2] != "I-") {
				return Doc{}, fmt.Errorf("%s: malformed tag %q", id, tag)
			}
			cls, ok := iobClass[tag[2:]]
			if !ok {
				return Doc{}, fmt.Errorf("%s: unknown label %q", id, tag[2:])
			}
			if tag[0] == 'I' && prev != "O" && prev[2:] == tag[2:] {
				spans[len(spans)-1].End = pos
			} else {
				spans = append(spans, Span{start, pos, cls})
			}
			prev = tag
		}
	}
	// Date and Money spans were kept while decoding so that an I- tag
	// after them does not join the wrong entity; drop them now.
	kept := spans[:0]
	for _, s := range spans {
		if s.Class != "" {
			kept = append(kept, s)
		}
	}
	return Doc{ID: id, Text: b.String(), Spans: kept}, nil
}

// HeldOut reports whether the En-Worldwide document id belongs to the
// tagger's fixed development split: about one file in five, chosen by an
// FNV-1a hash of the id so that the split never depends on file order.
func HeldOut(id string) bool { return fifth(id) == 0 }

// Tune reports whether the En-Worldwide document id belongs to the
// tuning split (FNV-1a(id) mod 5 == 1): training files that experiments
// leave out to choose features and rules on, so that the held-out fifth
// is only looked at to report the final model.
func Tune(id string) bool { return fifth(id) == 1 }

// Fold returns the fifth of En-Worldwide that the document id falls in,
// 0 to 4: 0 is the held-out fifth and 1 the tuning split. Experiments
// that need more than one split leave out folds 2 to 4 in turn as well.
func Fold(id string) int { return int(fifth(id)) }

func fifth(id string) uint32 {
	h := fnv.New32a()
	h.Write([]byte(id))
	return h.Sum32() % 5
}

type gumMention struct {
	Start  int    `json:"start"`
	End    int    `json:"end"`
	Type   string `json:"type"`
	Proper bool   `json:"proper"`
}

type gumDoc struct {
	DocID    string       `json:"doc_id"`
	Split    string       `json:"split"`
	Text     string       `json:"text"`
	Mentions []gumMention `json:"mentions"`
}

// ReadGUM reads gum_wikinews_entities.jsonl, keeping the documents whose
// split is in splits. GUM annotates whole noun phrases ("NASA
// Administrator Charles Bolden", "the United States"); a proper-headed
// person, place, organization or event mention becomes a span when, after
// a leading "the", its words are capitalized (or short connectors such as
// "of"), as CoNLL names are. Other proper-headed mentions of those types
// become Partial, so that trainers skip their sentences.
func ReadGUM(path string, splits ...string) ([]Doc, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	want := map[string]bool{}
	for _, s := range splits {
		want[s] = true
	}
	var docs []Doc
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 16<<20), 16<<20)
	n := 0
	for sc.Scan() {
		n++
		if strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		var g gumDoc
		if err := json.Unmarshal(sc.Bytes(), &g); err != nil {
			return nil, fmt.Errorf("%s:%d: %w", path, n, err)
		}
		if len(want) > 0 && !want[g.Split] {
			continue
		}
		docs = append(docs, gumToDoc(g))
	}
	return docs, sc.Err()
}

var gumClass = map[string]Class{"person": Person, "place": Place, "organization": Org, "event": Misc}

func gumToDoc(g gumDoc) Doc {
	runes := []rune(g.Text)
	d := Doc{ID: g.DocID, Text: g.Text}
	var cands []Span
	for _, m := range g.Mentions {
		cls, ok := gumClass[m.Type]
		if !ok || !m.Proper || m.Start < 0 || m.End > len(runes) || m.Start >= m.End {
			continue
		}
		s := Span{m.Start, m.End, cls}
		words := strings.Fields(string(runes[s.Start:s.End]))
		if len(words) > 0 && (words[0] == "the" || words[0] == "The") {
			s.Start += len([]rune(words[0])) + 1
			words = words[1:]
		}
		if !clean(words) {
			d.Partial = append(d.Partial, s)
			continue
		}
		cands = append(cands, s)
	}
	// Keep outermost clean spans; a clean span nested in another is part
	// of that name ("Daughters of the American Revolution").
	sort.Slice(cands, func(i, j int) bool {
		if cands[i].Start != cands[j].Start {
			return cands[i].Start < cands[j].Start
		}
		return cands[i].End > cands[j].End
	})
	end := -1
	for i, s := range cands {
		if s.Start < end {
			continue
		}
		end = s.End
		mixed := false
		for _, in := range cands[i+1:] {
			if in.Start >= s.End {
				break
			}
			mixed = mixed || in.Class != s.Class
		}
		if mixed {
			// "NASA Administrator Charles Bolden": a title phrase
			// around a name, which CoNLL would tag in parts.
			d.Partial = append(d.Partial, s)
			continue
		}
		d.Spans = append(d.Spans, s)
	}
	return d
}

var connectors = map[string]bool{"of": true, "and": true, "for": true, "de": true, "the": true, "al": true, "on": true, "&": true, "'s": true}

func clean(words []string) bool {
	if len(words) == 0 {
		return false
	}
	for _, w := range words {
		r, _ := utf8.DecodeRuneInString(w)
		if connectors[w] || !(r >= 'a' && r <= 'z') {
			continue
		}
		return false
	}
	return true
}

//go:build unix

package quote

import (
	"bufio"
	"encoding/json"
	"os"
	"syscall"
	"testing"
	"time"

	"github.com/factgraph/factgraph/extract/token"
	"github.com/factgraph/factgraph/graph"
)

// benchDoc is a tokenized Reuters story.
type benchDoc struct {
	text   string
	toks   []token.Token
	sents  []token.Sentence
	anchor time.Time
	cands  []Candidate
}

// loadReuters reads the first n stories of Reuters-21578 and tokenizes them,
// skipping the benchmark when the data set is absent.
func loadReuters(b *testing.B, n int) ([]benchDoc, int64) {
	f, err := os.Open("../../../shared/data/news_raw_reuters21578/reuters21578.jsonl")
	if err != nil {
		b.Skip("Reuters-21578 absent:", err)
	}
	defer f.Close()
	var docs []benchDoc
	var size int64
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 4<<20)
	for sc.Scan() && len(docs) < n {
		var r struct{ Title, Body, Date string }
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			b.Fatal(err)
		}
		text := r.Title + "\n\n" + r.Body
		toks := token.Tokenize(text)
		d := benchDoc{text: text, toks: toks, sents: token.Sentences(text, toks)}
		d.anchor, _ = time.Parse("2-Jan-2006 15:04:05.00", r.Date)
		d.cands = capitalized(toks)
		docs = append(docs, d)
		size += int64(len(text))
	}
	return docs, size
}

// capitalized stands in for entity mentions: every run of capitalized
// tokens is a person candidate.
func capitalized(toks []token.Token) []Candidate {
	var out []Candidate
	for i := 0; i < len(toks); {
		j := i
		for j < len(toks) && toks[j].Text != "" && toks[j].Text[0] >= 'A' && toks[j].Text[0] <= 'Z' {
			j++
		}
		if j > i {
			out = append(out, Candidate{First: i, Last: j, Key: toks[i].Text, Type: graph.Person})
			i = j
		} else {
			i++
		}
	}
	return out
}

// BenchmarkFindReuters runs Find over the first 2,000 Reuters stories, which
// are tokenized beforehand; bytes/s is story text per second.
func BenchmarkFindReuters(b *testing.B) {
	docs, size := loadReuters(b, 2000)
	b.SetBytes(size)
	b.ReportAllocs()
	b.ResetTimer()
	start := cpuTime()
	defer func() { b.ReportMetric(float64(cpuTime()-start)/float64(b.N), "cpu-ns/op") }()
	for range b.N {
		for _, d := range docs {
			Find(d.text, d.toks, d.sents, d.cands)
		}
	}
}

// cpuTime is the CPU time this process has used, user and system, in
// nanoseconds: on a shared machine it is steadier than wall time.
func cpuTime() int64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return ru.Utime.Nano() + ru.Stime.Nano()
}

//go:build unix

package figure

import (
	"bufio"
	"encoding/json"
	"os"
	"syscall"
	"testing"

	"github.com/factgraph/factgraph/extract/token"
)

// benchDoc is a tokenized Reuters story.
type benchDoc struct {
	text  string
	toks  []token.Token
	sents []token.Sentence
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
		docs = append(docs, d)
		size += int64(len(text))
	}
	return docs, size
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
			Find(d.text, d.toks, d.sents)
		}
	}
}

// BenchmarkTokenizeReuters is the baseline Find is measured against: the
// tokenizing and sentence splitting that every extraction does first.
func BenchmarkTokenizeReuters(b *testing.B) {
	docs, size := loadReuters(b, 2000)
	b.SetBytes(size)
	b.ReportAllocs()
	b.ResetTimer()
	start := cpuTime()
	defer func() { b.ReportMetric(float64(cpuTime()-start)/float64(b.N), "cpu-ns/op") }()
	for range b.N {
		for _, d := range docs {
			toks := token.Tokenize(d.text)
			token.Sentences(d.text, toks)
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

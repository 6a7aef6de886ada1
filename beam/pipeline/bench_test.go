package pipeline

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/runners/prism"

	"github.com/factgraph/factgraph/internal/input"
	"github.com/factgraph/factgraph/internal/loadtest"
	"github.com/factgraph/factgraph/internal/testenv"
)

// benchStories is how many Reuters-21578 stories the benchmarks read.
const benchStories = 2000

var reutersFields = input.Fields{ID: "newid", Text: "body", Title: "title", URL: "url", Published: "date"}

// benchDocs reads the first benchStories Reuters-21578 stories with a
// body, as the pipeline's readFn reads them.
func benchDocs(b *testing.B) []keyed {
	src := testenv.Shared(b, "data/news_raw_reuters21578/reuters21578.jsonl")
	f, err := os.Open(src)
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	file, err := input.FileOf(src, filepath.Base(src), 0)
	if err != nil {
		b.Fatal(err)
	}
	var docs []keyed
	seq := 0
	input.ReadFile(f, file, input.Options{MaxDocBytes: 16 << 20, Fields: reutersFields}, func(it input.Item) bool {
		seq++
		if it.Err != nil {
			return true // a story without a body
		}
		d, err := json.Marshal(it.Doc)
		if err != nil {
			b.Fatal(err)
		}
		docs = append(docs, keyed{Key: orderKey(fileRef{Path: src}, seq), Data: d})
		return len(docs) < benchStories
	})
	return docs
}

func words(docs []keyed) int {
	n := 0
	for _, d := range docs {
		var doc struct{ Text string }
		json.Unmarshal(d.Data, &doc)
		n += len(strings.Fields(doc.Text))
	}
	return n
}

// reportCPU reports CPU per document and words per CPU-second.
func reportCPU(b *testing.B, cpu time.Duration, docs, words int) {
	b.ReportMetric(float64(cpu.Milliseconds())/float64(docs*b.N), "cpu-ms/doc")
	b.ReportMetric(float64(words*b.N)/cpu.Seconds(), "words/cpu-s")
}

// BenchmarkStages measures the pipeline's two kinds of work apart, in
// process and without a runner: "extract" is what every worker does per
// document (decode, extract, encode, lay out the record), "graph" the
// stage that does not scale out (gather, store in order, write both
// dumps), with the memory it holds.
func BenchmarkStages(b *testing.B) {
	docs := benchDocs(b)
	nwords := words(docs)
	ctx := context.Background()
	ex := &extractFn{}
	if err := ex.Setup(); err != nil {
		b.Fatal(err)
	}
	var xs []keyed
	b.Run("extract", func(b *testing.B) {
		cpu := loadtest.CPUTime()
		for range b.N {
			xs = xs[:0]
			for _, d := range docs {
				ex.ProcessElement(ctx, d.Key, d.Data, func(k string, x []byte) {
					xs = append(xs, keyed{Key: k, Data: x})
					(&recordFn{Shards: 16}).ProcessElement(k, x, func(int, keyed) {})
				})
			}
		}
		reportCPU(b, loadtest.CPUTime()-cpu, len(docs), nwords)
	})
	b.Run("graph", func(b *testing.B) {
		held := 0
		for _, x := range xs {
			held += len(x.Data)
		}
		b.ReportMetric(float64(held)/float64(len(xs))/1024, "KiB-held/doc")
		cpu := loadtest.CPUTime()
		for range b.N {
			fn := &buildFn{Output: b.TempDir(), WorkDir: b.TempDir()}
			i := 0
			err := fn.ProcessElement(ctx, 0, func(k *keyed) bool {
				if i == len(xs) {
					return false
				}
				*k = xs[len(xs)-1-i] // in reverse: the stage must sort
				i++
				return true
			})
			if err != nil {
				b.Fatal(err)
			}
		}
		reportCPU(b, loadtest.CPUTime()-cpu, len(xs), nwords)
	})
}

// BenchmarkPipeline runs the whole pipeline on Prism in process against
// `factgraph ingest` of the same stories (the base), and ingest followed
// by the two exports the pipeline writes, each as CPU of the process that
// did the work.
func BenchmarkPipeline(b *testing.B) {
	docs := benchDocs(b)
	nwords := words(docs)
	dir := b.TempDir()
	path := filepath.Join(dir, "stories.jsonl")
	var buf bytes.Buffer
	for _, d := range docs {
		// Back to Reuters-21578's field names, which the flags name.
		var doc struct{ ID, Title, Text, Published string }
		json.Unmarshal(d.Data, &doc)
		line, _ := json.Marshal(map[string]string{"newid": doc.ID, "body": doc.Text, "date": doc.Published})
		buf.Write(line)
		buf.WriteByte('\n')
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		b.Fatal(err)
	}
	b.Run("beam-prism", func(b *testing.B) {
		cpu := loadtest.CPUTime()
		for range b.N {
			p, s := beam.NewPipelineWithRoot()
			o := Options{Inputs: []string{path}, Output: b.TempDir(), Shards: 16, MaxDocBytes: 16 << 20, Fields: reutersFields, WorkDir: b.TempDir()}
			if err := Build(s, o); err != nil {
				b.Fatal(err)
			}
			if _, err := prism.Execute(context.Background(), p); err != nil {
				b.Fatal(err)
			}
		}
		reportCPU(b, loadtest.CPUTime()-cpu, len(docs), nwords)
	})
	fg := factgraphCLI(b)
	flags := []string{"--id-field", "newid", "--text-field", "body", "--published-field", "date"}
	for _, withExports := range []bool{false, true} {
		name := "ingest"
		if withExports {
			name = "ingest+exports"
		}
		b.Run(name, func(b *testing.B) {
			var cpu time.Duration
			for range b.N {
				db := filepath.Join(b.TempDir(), "db")
				cpu += runCPU(b, fg, append(append([]string{"ingest", "--db", db, "--workers", "2"}, flags...), path)...)
				if withExports {
					cpu += runCPU(b, fg, "export", "--db", db, "--format", "jsonl", "--out", filepath.Join(b.TempDir(), "graph.jsonl"))
					cpu += runCPU(b, fg, "export", "--db", db, "--format", "nquads", "--dgraph", "--out", filepath.Join(b.TempDir(), "graph.nquads"))
				}
			}
			reportCPU(b, cpu, len(docs), nwords)
		})
	}
}

// runCPU runs the factgraph command and returns the CPU time it used.
func runCPU(b *testing.B, fg string, args ...string) time.Duration {
	cmd := exec.Command(fg, args...)
	cmd.Env = append(os.Environ(), "FACTGRAPH_DB=")
	if out, err := cmd.CombinedOutput(); err != nil {
		b.Fatalf("factgraph %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()
}

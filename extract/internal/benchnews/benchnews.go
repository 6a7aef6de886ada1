// Package benchnews loads the news that the extractor's benchmarks run on:
// the first stories of Reuters-21578 from ../shared/data beside the
// checkout (or $FACTGRAPH_SHARED; see internal/testenv), tokenized, with
// their dates. A benchmark is skipped when the data set is absent, and
// fails under CI=true.
package benchnews

import (
	"bufio"
	"encoding/json"
	"os"
	"testing"
	"time"

	"github.com/factgraph/factgraph/extract/token"

	"github.com/factgraph/factgraph/internal/testenv"
)

// Doc is a tokenized story: its title, a blank line and its body.
type Doc struct {
	Text  string
	Toks  []token.Token
	Sents []token.Sentence
	Date  time.Time // zero when the record's date does not parse
}

// ReutersPath is where Reuters-21578 lies in the shared data.
const ReutersPath = "data/news_raw_reuters21578/reuters21578.jsonl"

// Reuters returns the first n stories and their total size in bytes; the
// data set is missing for tb when absent (testenv.Missing).
func Reuters(tb testing.TB, n int) ([]Doc, int64) {
	tb.Helper()
	f, err := os.Open(testenv.Shared(tb, ReutersPath))
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	var (
		docs []Doc
		size int64
	)
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 4<<20)
	for sc.Scan() && len(docs) < n {
		var r struct{ Title, Body, Date string }
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			tb.Fatal(err)
		}
		text := r.Title + "\n\n" + r.Body
		toks := token.Tokenize(text)
		d := Doc{Text: text, Toks: toks, Sents: token.Sentences(text, toks)}
		d.Date, _ = time.Parse("2-Jan-2006 15:04:05.00", r.Date)
		docs = append(docs, d)
		size += int64(len(text))
	}
	if err := sc.Err(); err != nil {
		tb.Fatal(err)
	}
	return docs, size
}

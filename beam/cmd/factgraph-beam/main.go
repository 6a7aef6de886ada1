// Command factgraph-beam runs factgraph's extraction and graph build as an
// Apache Beam pipeline (package pipeline) on any Beam runner:
//
//	factgraph-beam [beam flags] --output DIR GLOB...
//
// With no --runner it runs in-process on Prism. Its outputs are those of
// `factgraph extract` (sharded), a dump for `factgraph import`, and
// N-Quads for Dgraph's bulk loader; see README, "Beyond one machine".
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"strconv"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/x/beamx"

	"github.com/factgraph/factgraph/beam/pipeline"
)

func main() {
	o := pipeline.Options{Fields: pipeline.DefaultFields}
	flag.StringVar(&o.Output, "output", "", "directory or object prefix of the outputs (required)")
	flag.IntVar(&o.Shards, "shards", 16, "number of extraction files")
	flag.IntVar(&o.MaxDocBytes, "max-doc-bytes", 16<<20, "largest document (or JSON line) accepted, in bytes")
	flag.StringVar(&o.WorkDir, "work-dir", "", "local directory of the graph stage's temporary store (default: the system's)")
	flag.BoolVar(&o.Gzip, "gzip", false, "gzip every output")
	flag.StringVar(&o.Fields.ID, "id-field", o.Fields.ID, "JSON Lines key of the document ID")
	flag.StringVar(&o.Fields.Text, "text-field", o.Fields.Text, "JSON Lines key of the document text")
	flag.StringVar(&o.Fields.Title, "title-field", o.Fields.Title, "JSON Lines key of the title")
	flag.StringVar(&o.Fields.URL, "url-field", o.Fields.URL, "JSON Lines key of the URL")
	flag.StringVar(&o.Fields.Published, "published-field", o.Fields.Published, "JSON Lines key of the publication date")
	flag.Usage = func() {
		fmt.Fprintf(flag.CommandLine.Output(), "usage: factgraph-beam [flags] --output DIR GLOB...\n\n")
		flag.PrintDefaults()
	}
	flag.Parse()
	// On a worker, Init runs the worker and does not return.
	beam.Init()
	o.Inputs = flag.Args()
	if v := os.Getenv("SOURCE_DATE_EPOCH"); v != "" {
		sec, err := strconv.ParseInt(v, 10, 64)
		if err != nil {
			fmt.Fprintf(os.Stderr, "factgraph-beam: SOURCE_DATE_EPOCH=%q is not a number of seconds\n", v)
			os.Exit(2)
		}
		o.Created = sec
	}
	if err := o.Validate(); err != nil {
		fmt.Fprintf(os.Stderr, "factgraph-beam: %v\n", err)
		flag.Usage()
		os.Exit(2)
	}
	p, s := beam.NewPipelineWithRoot()
	if err := pipeline.Build(s, o); err != nil {
		fmt.Fprintf(os.Stderr, "factgraph-beam: %v\n", err)
		os.Exit(2)
	}
	res, err := beamx.RunWithMetrics(context.Background(), p)
	if err != nil {
		fmt.Fprintf(os.Stderr, "factgraph-beam: %v\n", err)
		os.Exit(1)
	}
	c := pipeline.CountsOf(res)
	fmt.Fprintf(os.Stderr, "factgraph-beam: %d documents read, %d stored, %d failed, %d duplicate IDs skipped\n",
		c.Read, c.Stored, c.Failed, c.Duplicates)
	if c.Failed > 0 || c.Duplicates > 0 {
		os.Exit(1)
	}
}

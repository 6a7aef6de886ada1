package store

import (
	"math/rand/v2"
	"testing"

	"github.com/dgraph-io/badger/v4"
	"github.com/factgraph/factgraph/internal/loadtest"
)

// BenchmarkBadgerFloor measures a lower bound of the store's ingest cost:
// Badger's own work to write the keys and values of the store at
// $FACTGRAPH_BENCH_DB once each into a fresh store with the same options,
// in a shuffled order (an ingest's keys are spread over the key space) and
// in transactions of floorTxnKeys keys (about four documents, as ingest
// commits them), flushing at Close. No entity resolution, no reads, no
// encoding and no rewrites: only memtable inserts, the write-ahead and
// value logs, flushes and compactions. It reports CPU microseconds per
// document of the source store (process CPU, so Badger's background
// goroutines count).
//
//	FACTGRAPH_BENCH_DB=/tmp/news.db go test ./store -run '^$' -bench BadgerFloor -benchtime 1x
func BenchmarkBadgerFloor(b *testing.B) {
	src := benchDB(b)
	type kv struct{ k, v []byte }
	var kvs []kv
	docs := 0
	err := src.bdb.View(func(txn *badger.Txn) error {
		it := txn.NewIterator(badger.IteratorOptions{PrefetchValues: true})
		defer it.Close()
		for it.Rewind(); it.Valid(); it.Next() {
			k := it.Item().KeyCopy(nil)
			if k[0] == pMeta {
				continue // the version and counters; Open writes its own
			}
			v, err := it.Item().ValueCopy(nil)
			if err != nil {
				return err
			}
			if k[0] == pDoc {
				docs++
			}
			kvs = append(kvs, kv{k, v})
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	rand.New(rand.NewPCG(1, 2)).Shuffle(len(kvs), func(i, j int) { kvs[i], kvs[j] = kvs[j], kvs[i] })
	b.ResetTimer()
	var cpu float64
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		dst, err := Open(b.TempDir())
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		c0 := loadtest.CPUTime()
		for start := 0; start < len(kvs); start += floorTxnKeys {
			txn := dst.bdb.NewTransaction(true)
			for _, e := range kvs[start:min(start+floorTxnKeys, len(kvs))] {
				if err := txn.Set(e.k, e.v); err != nil {
					b.Fatal(err)
				}
			}
			if err := txn.Commit(); err != nil {
				b.Fatal(err)
			}
		}
		if err := dst.Close(); err != nil {
			b.Fatal(err)
		}
		cpu += (loadtest.CPUTime() - c0).Seconds()
	}
	b.ReportMetric(float64(len(kvs))/float64(max(docs, 1)), "keys/doc")
	b.ReportMetric(cpu/float64(b.N)/float64(max(docs, 1))*1e6, "cpu-µs/doc")
	b.ReportMetric(cpu/float64(b.N)/float64(len(kvs))*1e9, "cpu-ns/key")
}

// floorTxnKeys is the transaction size of BenchmarkBadgerFloor: four
// documents of about 68 keys.
const floorTxnKeys = 4 * 68

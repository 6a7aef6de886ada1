package main

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/factgraph/factgraph/internal/testenv"
)

// TestIngestDiskFull ingests Reuters-21578 records into a store on a
// tmpfs too small for them, the file system where a write through
// Badger's mapped files into a full disk is a SIGBUS: ingest must stop
// with exit status 4 and a message that names the store and its free
// space, stats must still read the store, and once the tmpfs is grown the
// same command must finish with the counts of an uninterrupted run.
func TestIngestDiskFull(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary and ingests 2,000 documents three times")
	}
	reuters := testenv.Shared(t, "data/news_raw_reuters21578/reuters21578.jsonl")
	if os.Geteuid() != 0 {
		testenv.Missing(t, "mounting a tmpfs needs root")
	}
	dir := t.TempDir()
	mnt := filepath.Join(dir, "small")
	if err := os.Mkdir(mnt, 0o755); err != nil {
		t.Fatal(err)
	}
	// 68 MiB: the store keeps 64 MiB free, so a few MiB of documents fit.
	if err := syscall.Mount("tmpfs", mnt, "tmpfs", 0, "size=68m"); err != nil {
		testenv.Missing(t, "cannot mount a tmpfs: %v", err)
	}
	t.Cleanup(func() { syscall.Unmount(mnt, syscall.MNT_DETACH) })

	bin := filepath.Join(dir, "factgraph")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	corpus := filepath.Join(dir, "reuters.jsonl")
	copyLines(t, reuters, corpus, 2000)
	args := func(db string) []string {
		return []string{"ingest", "--db", db, "--workers", "2", "--id-field", "newid", "--text-field", "body", "--published-field", "date", corpus}
	}

	db := filepath.Join(mnt, "db")
	out, err := exec.Command(bin, args(db)...).CombinedOutput()
	var exit *exec.ExitError
	if !errors.As(err, &exit) || exit.ExitCode() != exitNoSpace {
		t.Fatalf("ingest into a full tmpfs: %v, want exit status %d\n%s", err, exitNoSpace, tail(out))
	}
	if want := "no space left on device: " + db; !strings.Contains(string(out), want) {
		t.Errorf("ingest into a full tmpfs does not say %q:\n%s", want, tail(out))
	}
	stored := openStats(t, db)
	if stored.Documents == 0 || stored.Documents >= 1800 {
		t.Fatalf("%d documents stored before the disk was full: the tmpfs does not fit the test", stored.Documents)
	}
	t.Logf("%d documents stored before the disk was full", stored.Documents)
	if out, err := exec.Command(bin, "stats", "--db", db).CombinedOutput(); err != nil {
		t.Fatalf("stats on a full disk: %v\n%s", err, out)
	}

	if err := syscall.Mount("tmpfs", mnt, "tmpfs", syscall.MS_REMOUNT, "size=400m"); err != nil {
		t.Fatalf("growing the tmpfs: %v", err)
	}
	// Records without a body fail (exit status 1); the counts tell.
	out, _ = exec.Command(bin, args(db)...).CombinedOutput()
	if strings.Contains(string(out), "no space left") {
		t.Fatalf("ingest after space came back:\n%s", tail(out))
	}
	reference := filepath.Join(dir, "reference.db")
	exec.Command(bin, args(reference)...).Run()
	if got, ref := openStats(t, db), openStats(t, reference); !statsEqual(got, ref) {
		t.Fatalf("after the disk was full and a finished ingest:\n%+v\nuninterrupted:\n%+v", got, ref)
	}
}

// tail returns the last lines of a command's output, for a failure message.
func tail(out []byte) string {
	lines := strings.Split(strings.TrimSpace(string(out)), "\n")
	if len(lines) > 5 {
		lines = lines[len(lines)-5:]
	}
	return strings.Join(lines, "\n")
}

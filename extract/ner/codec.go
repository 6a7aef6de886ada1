package ner

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"

	"github.com/klauspost/compress/zstd"
)

// Model file format, zstd-compressed (it decompresses several times faster
// than gzip, which keeps loading under 100 ms); integers are varints:
//
//	"FGNER" version(=2)
//	clusters: count, then (key delta, value) pairs, keys ascending
//	gazetteer: the same; since version 2 it also holds the training
//	  lexicon's categories, the capitalization classes (bits capShift and
//	  up) and the cue words' classes (bits cueShift and up)
//	vocabulary: count, then (length, bytes) per word
//	passes: 1 or 2, then each pass's model, first pass first:
//	  bits, lite (0 or 1), scale (float32 bits), temp (float32 bits),
//	  transitions ((nLabels+1) x nLabels float32 bits), end scores (nLabels),
//	  rows: count, then (row delta, nLabels little-endian int16 weights)
//	  cache: (vocabulary size + 1) x nLabels zig-zag int32 sums (cache.go)
//
// Rows whose weights are all zero are not written.
const (
	magic = "FGNER"
	// fileVersion 2 added the lexicon, capitalization and cue features:
	// the features of a version-1 model are no longer computed.
	fileVersion = 2
)

// WriteTo writes the model in its binary format.
func (m *Model) WriteTo(w io.Writer) (int64, error) {
	var raw bytes.Buffer
	bw := bufio.NewWriter(&raw)
	e := &encoder{w: bw}
	e.bytes([]byte(magic))
	e.uvarint(fileVersion)
	e.table(m.clusters)
	e.table(m.gaz)
	e.uvarint(uint64(len(m.vocab)))
	for _, w := range m.vocab {
		e.uvarint(uint64(len(w)))
		e.bytes([]byte(w))
	}
	if m.first != nil {
		e.uvarint(2)
		e.pass(m.first)
	} else {
		e.uvarint(1)
	}
	e.pass(m)
	if e.err == nil {
		e.err = bw.Flush()
	}
	if e.err != nil {
		return 0, e.err
	}
	// One frame with its content size in the header, so that loading
	// decompresses into a buffer of the right size at once.
	zw, err := zstd.NewWriter(nil, zstd.WithEncoderLevel(zstd.SpeedBestCompression), zstd.WithEncoderConcurrency(1))
	if err != nil {
		return 0, err
	}
	n, err := w.Write(zw.EncodeAll(raw.Bytes(), nil))
	return int64(n), err
}

type encoder struct {
	w   *bufio.Writer
	buf [binary.MaxVarintLen64]byte
	err error
}

func (e *encoder) bytes(b []byte) {
	if e.err == nil {
		_, e.err = e.w.Write(b)
	}
}

func (e *encoder) uvarint(v uint64) { e.bytes(e.buf[:binary.PutUvarint(e.buf[:], v)]) }

func (e *encoder) float(f float32) { e.uvarint(uint64(math.Float32bits(f))) }

func (e *encoder) table(t map[uint64]uint32) {
	keys := make([]uint64, 0, len(t))
	for k := range t {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	e.uvarint(uint64(len(keys)))
	prev := uint64(0)
	for _, k := range keys {
		e.uvarint(k - prev)
		e.uvarint(uint64(t[k]))
		prev = k
	}
}

func (e *encoder) pass(m *Model) {
	e.uvarint(uint64(m.bits))
	lite := uint64(0)
	if m.lite {
		lite = 1
	}
	e.uvarint(lite)
	e.float(m.scale)
	e.float(m.temp)
	for _, v := range m.trans {
		e.float(v)
	}
	for _, v := range m.endW {
		e.float(v)
	}
	rows := 0
	for _, r := range m.idx {
		if r != 0 {
			rows++
		}
	}
	e.uvarint(uint64(rows))
	prev := 0
	for r, ri := range m.idx {
		if ri == 0 {
			continue
		}
		row := m.row(r)
		e.uvarint(uint64(r - prev))
		prev = r
		var raw [2 * nLabels]byte
		for l, v := range row {
			binary.LittleEndian.PutUint16(raw[2*l:], uint16(v))
		}
		e.bytes(raw[:])
	}
	e.uvarint(uint64(len(m.cacheVec)))
	for _, v := range m.cacheVec {
		e.uvarint(uint64((int64(v) << 1) ^ (int64(v) >> 63)))
	}
}

func zeroRow(row []int16) bool {
	for _, v := range row {
		if v != 0 {
			return false
		}
	}
	return true
}

// ReadModel reads a model written by WriteTo.
func ReadModel(r io.Reader) (*Model, error) {
	compressed, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("read model: %w", err)
	}
	return readModel(compressed)
}

// readModel decodes a model file held in memory.
func readModel(compressed []byte) (*Model, error) {
	zr, err := zstd.NewReader(nil, zstd.WithDecoderConcurrency(1), zstd.WithDecoderMaxMemory(1<<30))
	if err != nil {
		return nil, fmt.Errorf("read model: %w", err)
	}
	defer zr.Close()
	data, err := zr.DecodeAll(compressed, nil)
	if err != nil {
		return nil, fmt.Errorf("read model: %w", err)
	}
	if len(data) < len(magic) || string(data[:len(magic)]) != magic {
		return nil, errors.New("read model: not an entity model file")
	}
	d := &decoder{b: data[len(magic):]}
	if v := d.uvarint(); v != fileVersion {
		return nil, fmt.Errorf("read model: unsupported version %d", v)
	}
	clusters := d.table()
	gaz := d.table()
	vocab := d.words()
	passes := d.uvarint()
	if d.err == nil && passes != 1 && passes != 2 {
		return nil, fmt.Errorf("read model: bad pass count %d", passes)
	}
	var m, first *Model
	for p := uint64(0); p < passes && d.err == nil; p++ {
		first, m = m, d.pass()
	}
	if d.err == nil && len(d.b) != 0 {
		d.err = fmt.Errorf("%d bytes after the model", len(d.b))
	}
	if d.err != nil {
		return nil, fmt.Errorf("read model: %w", d.err)
	}
	for _, x := range []*Model{first, m} {
		if x != nil {
			x.clusters, x.gaz, x.vocab = clusters, gaz, vocab
		}
	}
	m.first = first
	m.twoPass = first != nil
	want := (len(vocab) + 1) * nLabels
	if len(m.cacheVec) != want || (first != nil && len(first.cacheVec) != want) {
		return nil, errors.New("read model: cache does not match the vocabulary")
	}
	m.indexCache()
	return m, nil
}

// decoder reads the decompressed model from memory; the first error
// sticks and later reads return zero.
type decoder struct {
	b   []byte
	err error
}

var errTruncated = errors.New("truncated model")

func (d *decoder) uvarint() uint64 {
	if d.err != nil {
		return 0
	}
	v, n := binary.Uvarint(d.b)
	if n <= 0 {
		d.err = errTruncated
		return 0
	}
	d.b = d.b[n:]
	return v
}

func (d *decoder) words() []string {
	n := d.uvarint()
	if n > uint64(len(d.b)) {
		d.err = errTruncated
		return nil
	}
	// The words are slices of one string: one allocation, not one per word.
	type span struct{ at, n int }
	spans := make([]span, 0, n)
	var all []byte
	for i := uint64(0); i < n && d.err == nil; i++ {
		l := d.uvarint()
		if l > uint64(len(d.b)) {
			d.err = errTruncated
			return nil
		}
		spans = append(spans, span{len(all), int(l)})
		all = append(all, d.b[:l]...)
		d.b = d.b[l:]
	}
	str := string(all)
	out := make([]string, len(spans))
	for i, s := range spans {
		out[i] = str[s.at : s.at+s.n]
	}
	return out
}

func (d *decoder) float() float32 { return math.Float32frombits(uint32(d.uvarint())) }

func (d *decoder) table() map[uint64]uint32 {
	n := d.uvarint()
	if n > 1<<26 {
		d.err = fmt.Errorf("table of %d entries is too large", n)
		return nil
	}
	t := make(map[uint64]uint32, n)
	k := uint64(0)
	for i := uint64(0); i < n && d.err == nil; i++ {
		k += d.uvarint()
		t[k] = uint32(d.uvarint())
	}
	return t
}

func (d *decoder) pass() *Model {
	bits := d.uvarint()
	if d.err == nil && (bits < 8 || bits > 26) {
		d.err = fmt.Errorf("bad hash size 2^%d", bits)
		return nil
	}
	m := newModel(uint8(bits))
	m.lite = d.uvarint() == 1
	m.scale = d.float()
	m.temp = d.float()
	for i := range m.trans {
		m.trans[i] = d.float()
	}
	for i := range m.endW {
		m.endW[i] = d.float()
	}
	rows := d.uvarint()
	if rows >= uint64(len(m.idx)) || rows*2*nLabels > uint64(len(d.b)) {
		if d.err == nil {
			d.err = fmt.Errorf("bad row count %d", rows)
		}
		return nil
	}
	m.rows = make([]int16, (rows+1)*nLabels)
	r := 0
	for i := 0; i < int(rows) && d.err == nil; i++ {
		r += int(d.uvarint())
		if r >= len(m.idx) || (i > 0 && m.idx[r] != 0) {
			d.err = fmt.Errorf("weight row %d out of range", r)
			return nil
		}
		if len(d.b) < 2*nLabels {
			d.err = errTruncated
			return nil
		}
		m.idx[r] = uint32(i + 1)
		row := m.rows[(i+1)*nLabels : (i+2)*nLabels]
		for l := range row {
			row[l] = int16(binary.LittleEndian.Uint16(d.b[2*l:]))
		}
		d.b = d.b[2*nLabels:]
	}
	nc := d.uvarint()
	if nc%nLabels != 0 || nc < nLabels || nc > uint64(len(d.b)) {
		if d.err == nil {
			d.err = fmt.Errorf("bad cache size %d", nc)
		}
		return nil
	}
	m.cacheVec = make([]int32, nc)
	for i := range m.cacheVec {
		u := d.uvarint()
		m.cacheVec[i] = int32(int64(u>>1) ^ -int64(u&1))
	}
	return m
}

func newModel(bits uint8) *Model {
	return &Model{
		bits:     bits,
		mask:     uint32(1)<<bits - 1,
		idx:      make([]uint32, 1<<bits),
		rows:     make([]int16, nLabels),
		cacheVec: make([]int32, nLabels),
		trans:    make([]float32, (nLabels+1)*nLabels),
		endW:     make([]float32, nLabels),
	}
}

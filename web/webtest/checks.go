package webtest

import (
	"encoding/xml"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/chromedp"
)

// checkDownloads downloads the visible subgraph as GraphML and PNG and
// checks the files.
func (b *Browser) checkDownloads(t *testing.T, g graph, neighbour *graphNode, link *graphEdge) {
	t.Helper()
	dir := t.TempDir()
	yes := true
	if _, err := chromedp.CallBrowser(b.ctx, browser.SetDownloadBehavior, browser.SetDownloadBehaviorParams{
		Behavior: browser.SetDownloadBehaviorBehaviorAllow, DownloadPath: dir, EventsEnabled: &yes,
	}); err != nil {
		t.Fatalf("allow downloads: %v", err)
	}
	b.click("Download GraphML", `document.querySelector('.dl-graphml')`)
	data := waitFile(t, dir, ".graphml")
	var doc struct {
		XMLName xml.Name `xml:"graphml"`
		Graph   struct {
			EdgeDefault string `xml:"edgedefault,attr"`
			Nodes       []struct {
				ID   string `xml:"id,attr"`
				Data []struct {
					Key   string `xml:"key,attr"`
					Value string `xml:",chardata"`
				} `xml:"data"`
			} `xml:"node"`
			Edges []struct {
				Source string `xml:"source,attr"`
				Target string `xml:"target,attr"`
				Data   []struct {
					Key   string `xml:"key,attr"`
					Value string `xml:",chardata"`
				} `xml:"data"`
			} `xml:"edge"`
		} `xml:"graph"`
	}
	if err := xml.Unmarshal(data, &doc); err != nil {
		t.Fatalf("GraphML does not parse: %v\n%s", err, data)
	}
	if len(doc.Graph.Nodes) != len(g.Nodes) || len(doc.Graph.Edges) != len(g.Edges) {
		t.Errorf("GraphML has %d nodes and %d edges, the graph shows %d and %d",
			len(doc.Graph.Nodes), len(doc.Graph.Edges), len(g.Nodes), len(g.Edges))
	}
	named := false
	for _, n := range doc.Graph.Nodes {
		for _, d := range n.Data {
			named = named || (n.ID == neighbour.ID && d.Key == "name" && d.Value == neighbour.Name)
		}
	}
	if !named {
		t.Errorf("GraphML lacks node %s named %s", neighbour.ID, neighbour.Name)
	}
	linked := false
	for _, e := range doc.Graph.Edges {
		for _, d := range e.Data {
			linked = linked || (e.Source == link.Source && e.Target == link.Target && d.Key == "predicate" && d.Value == link.Predicate)
		}
	}
	if !linked {
		t.Errorf("GraphML lacks edge %s -%s-> %s", link.Source, link.Predicate, link.Target)
	}

	b.click("Download PNG", `document.querySelector('.dl-png')`)
	img := waitFile(t, dir, ".png")
	cfg, err := png.DecodeConfig(strings.NewReader(string(img)))
	if err != nil {
		t.Fatalf("PNG download: %v", err)
	}
	if cfg.Width < 100 || cfg.Height < 100 {
		t.Errorf("PNG download is %dx%d", cfg.Width, cfg.Height)
	}
}

// waitFile waits for a finished download ending in ext and returns it.
func waitFile(t *testing.T, dir, ext string) []byte {
	t.Helper()
	deadline := time.Now().Add(stepTimeout)
	for time.Now().Before(deadline) {
		matches, _ := filepath.Glob(filepath.Join(dir, "*"+ext))
		if len(matches) == 1 {
			if data, err := os.ReadFile(matches[0]); err == nil && len(data) > 0 {
				return data
			}
		}
		time.Sleep(50 * time.Millisecond)
	}
	entries, _ := os.ReadDir(dir)
	t.Fatalf("no %s download in %s (has %v)", ext, dir, entries)
	return nil
}

// contrastJS lists the visible text whose contrast with its background is
// below WCAG AA: 4.5:1, or 3:1 for large text. Backgrounds are composed
// up the ancestors; images and canvases are not considered.
const contrastJS = `(() => {
	const parse = (c) => {
		const m = /rgba?\(([^)]+)\)/.exec(c);
		if (!m) return null;
		const p = m[1].split(/[\s,\/]+/).filter(Boolean).map(Number);
		return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1];
	};
	const over = (top, bottom) => [0, 1, 2].map((i) => top[i] * top[3] + bottom[i] * (1 - top[3])).concat(1);
	const bgOf = (el) => {
		const stack = [];
		for (let e = el; e; e = e.parentElement) {
			const c = parse(getComputedStyle(e).backgroundColor);
			if (c && c[3] > 0) {
				stack.push(c);
				if (c[3] >= 1) break;
			}
		}
		let bg = [255, 255, 255, 1];
		for (let i = stack.length - 1; i >= 0; i--) bg = over(stack[i], bg);
		return bg;
	};
	const lum = (c) => {
		const f = (v) => ((v /= 255) <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4));
		return 0.2126 * f(c[0]) + 0.7152 * f(c[1]) + 0.0722 * f(c[2]);
	};
	const bad = [];
	for (const el of document.body.querySelectorAll('*')) {
		if (![...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim())) continue;
		const r = el.getBoundingClientRect();
		if (r.width < 2 || r.height < 2 || r.right < 0 || r.bottom < 0) continue;
		const cs = getComputedStyle(el);
		if (cs.visibility === 'hidden' || cs.opacity === '0') continue;
		const fgc = parse(cs.color);
		if (!fgc) continue;
		const bg = bgOf(el);
		const fg = over(fgc, bg);
		const a = lum(fg), b = lum(bg);
		const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
		const size = parseFloat(cs.fontSize), bold = parseInt(cs.fontWeight, 10) >= 700;
		const need = size >= 24 || (size >= 18.66 && bold) ? 3 : 4.5;
		if (ratio < need) bad.push(el.tagName.toLowerCase() + '.' + el.className + ' "' + el.textContent.trim().slice(0, 30) + '" ' + ratio.toFixed(2));
	}
	return bad;
})()`

func checkContrast(t *testing.T, b *Browser, where string) {
	t.Helper()
	for _, bad := range Eval[[]string](b, "contrast", contrastJS) {
		t.Errorf("%s: contrast below WCAG AA: %s", where, bad)
	}
}

package schema_test

import (
	"bufio"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/factgraph/factgraph/schema"
)

// TestListenerJSONErrors sends requests that net/http refuses before any
// handler runs, over a real connection to a server on loopback, and
// checks that each reply has the API's JSON error shape (a GET over 1 MiB
// got a plain-text 431), while ordinary requests on the same listener are
// served unchanged.
func TestListenerJSONErrors(t *testing.T) {
	const maxHeader = 64 << 10
	api := newTestServer(t, schema.Config{}).srv
	ts := httptest.NewUnstartedServer(api)
	ts.Config.MaxHeaderBytes = maxHeader
	ts.Listener = schema.Listener(ts.Listener, maxHeader)
	ts.Start()
	defer ts.Close()

	query := "/graphql?query=" + url.QueryEscape("{ stats { documents } }")
	tests := []struct {
		name        string
		request     string
		status      int
		code, limit string
		message     string
		contentType string
	}{
		{"OK", "GET " + query + " HTTP/1.1\r\nHost: x\r\n\r\n", 200, "", "", "", "application/json"},
		{"LongURL", "GET " + query + "&pad=" + strings.Repeat("a", 2*maxHeader) + " HTTP/1.1\r\nHost: x\r\n\r\n",
			http.StatusRequestHeaderFieldsTooLarge, "LIMIT", "header", "larger than 65536 bytes", "application/json"},
		{"LongHeaders", "GET " + query + " HTTP/1.1\r\nHost: x\r\n" + strings.Repeat("X-Pad: "+strings.Repeat("b", 1000)+"\r\n", 200) + "\r\n",
			http.StatusRequestHeaderFieldsTooLarge, "LIMIT", "header", "larger than 65536 bytes", "application/json"},
		{"NoHost", "GET " + query + " HTTP/1.1\r\n\r\n", http.StatusBadRequest, "INVALID", "", "missing required Host header", "application/json"},
		{"NotHTTP", "HELLO\r\n\r\n", http.StatusBadRequest, "INVALID", "", "not valid HTTP", "application/json"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			conn, err := net.Dial("tcp", ts.Listener.Addr().String())
			if err != nil {
				t.Fatal(err)
			}
			defer conn.Close()
			go io.WriteString(conn, tt.request) // the server may stop reading
			resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
			if err != nil {
				t.Fatal(err)
			}
			defer resp.Body.Close()
			body, err := io.ReadAll(resp.Body)
			if err != nil {
				t.Fatal(err)
			}
			if resp.StatusCode != tt.status || !strings.HasPrefix(resp.Header.Get("Content-Type"), tt.contentType) {
				t.Fatalf("status %d, Content-Type %q, want %d, %s:\n%s", resp.StatusCode, resp.Header.Get("Content-Type"), tt.status, tt.contentType, body)
			}
			var r struct {
				Data   json.RawMessage
				Errors []gqlError
			}
			if err := json.Unmarshal(body, &r); err != nil {
				t.Fatalf("reply is not JSON: %v\n%s", err, body)
			}
			if tt.code == "" {
				if len(r.Errors) > 0 || len(r.Data) == 0 {
					t.Fatalf("errors %+v, data %s", r.Errors, r.Data)
				}
				return
			}
			if len(r.Errors) != 1 || r.Errors[0].Extensions["code"] != tt.code || !strings.Contains(r.Errors[0].Message, tt.message) {
				t.Fatalf("errors %+v, want code %s and a message with %q", r.Errors, tt.code, tt.message)
			}
			if tt.limit != "" && r.Errors[0].Extensions["limit"] != tt.limit {
				t.Errorf("limit %v, want %s", r.Errors[0].Extensions["limit"], tt.limit)
			}
		})
	}
}

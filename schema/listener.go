package schema

import (
	"bytes"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"strconv"
)

// Listener wraps ln so that the errors net/http answers on its own, before
// any handler runs, have the JSON shape of every other API error.
//
// net/http reads a request's line and headers itself and, when they are
// over http.Server.MaxHeaderBytes (a GET query over the body limit travels
// there) or are not HTTP, writes a plain-text reply straight to the
// connection ("431 Request Header Fields Too Large") and closes it. Nothing
// in http.Server lets that reply be changed, so the connection rewrites it:
// such a reply is one write of a status line, then exactly
// "Content-Type: text/plain; charset=utf-8" and "Connection: close", a
// shape no handler's reply has (net/http sorts a handler's headers,
// Connection first, and adds Date). maxHeaderBytes is the server's
// MaxHeaderBytes, named in the 431 message.
func Listener(ln net.Listener, maxHeaderBytes int) net.Listener {
	return &listener{Listener: ln, maxHeaderBytes: maxHeaderBytes}
}

type listener struct {
	net.Listener
	maxHeaderBytes int
}

func (l *listener) Accept() (net.Conn, error) {
	c, err := l.Listener.Accept()
	if err != nil {
		return nil, err
	}
	return &jsonErrorConn{Conn: c, maxHeaderBytes: l.maxHeaderBytes}, nil
}

// jsonErrorConn is a connection whose net/http error replies are rewritten
// as JSON.
type jsonErrorConn struct {
	net.Conn
	maxHeaderBytes int
}

// plainErrorHeaders follows the status line of net/http's own error replies.
const plainErrorHeaders = "\r\nContent-Type: text/plain; charset=utf-8\r\nConnection: close\r\n\r\n"

func (c *jsonErrorConn) Write(p []byte) (int, error) {
	if reply := c.rewrite(p); reply != nil {
		if _, err := c.Conn.Write(reply); err != nil {
			return 0, err
		}
		return len(p), nil
	}
	return c.Conn.Write(p)
}

// rewrite returns the JSON form of p if p is a whole net/http error reply,
// and nil otherwise.
func (c *jsonErrorConn) rewrite(p []byte) []byte {
	const proto = "HTTP/1.1 "
	if !bytes.HasPrefix(p, []byte(proto)) {
		return nil
	}
	i := bytes.Index(p, []byte(plainErrorHeaders))
	if i < len(proto)+3 || bytes.IndexByte(p[:i], '\n') >= 0 {
		return nil
	}
	status, err := strconv.Atoi(string(p[len(proto) : len(proto)+3]))
	if err != nil || status < 400 || status > 599 {
		return nil
	}
	var e *apiError
	switch status {
	case http.StatusRequestHeaderFieldsTooLarge:
		e = limitf("header", "The request's URL and headers are larger than %d bytes.", c.maxHeaderBytes)
	default:
		// "400 Bad Request: missing required Host header": the reason
		// after the colon says what was wrong, without anything of the
		// server's.
		msg := "The request is not valid HTTP."
		if _, reason, ok := bytes.Cut(p[i+len(plainErrorHeaders):], []byte(": ")); ok {
			msg = "The request is not valid HTTP: " + string(reason) + "."
		}
		e = &apiError{code: CodeInvalid, message: msg}
	}
	body, err := json.Marshal(map[string][]responseError{"errors": {e.response()}})
	if err != nil {
		return nil
	}
	var b bytes.Buffer
	b.Write(p[:i])
	b.WriteString("\r\nConnection: close\r\nContent-Length: " + strconv.Itoa(len(body)))
	b.WriteString("\r\nContent-Type: application/json; charset=utf-8\r\nX-Content-Type-Options: nosniff\r\n\r\n")
	b.Write(body)
	return b.Bytes()
}

// CloseWrite half-closes the connection as net/http does before it hangs
// up on a request it refused, so that the client reads the reply.
func (c *jsonErrorConn) CloseWrite() error {
	if cw, ok := c.Conn.(interface{ CloseWrite() error }); ok {
		return cw.CloseWrite()
	}
	return nil
}

// ReadFrom keeps the connection's sendfile path for static files.
func (c *jsonErrorConn) ReadFrom(r io.Reader) (int64, error) {
	if rf, ok := c.Conn.(io.ReaderFrom); ok {
		return rf.ReadFrom(r)
	}
	return io.Copy(c.Conn, r)
}

// Starts GraphiQL against the /graphql endpoint next to this page. Headers
// typed in the editor (for example {"Authorization": "Bearer …"}) are sent
// with every request, so mutations can be tried with the server's token.
(function () {
  function fetcher(params, opts) {
    var headers = { "Content-Type": "application/json", "Accept": "application/json" };
    var extra = (opts && opts.headers) || {};
    for (var k in extra) {
      if (Object.prototype.hasOwnProperty.call(extra, k)) headers[k] = extra[k];
    }
    return fetch("graphql", { method: "POST", headers: headers, body: JSON.stringify(params) })
      .then(function (r) { return r.json(); });
  }
  var defaultQuery = [
    "# Welcome to factgraph. Open the Docs panel (top right) for the schema.",
    "query Putin {",
    "  entities(name: \"Putin\", first: 5) {",
    "    edges {",
    "      node {",
    "        id name type aliases mentionCount",
    "        roles { title of { name } }",
    "        relations(first: 10) {",
    "          totalCount",
    "          edges { node { predicate subject { name } object { name } evidence(first: 1) { text sentence } } }",
    "        }",
    "      }",
    "    }",
    "  }",
    "  stats { documents entities relations figures events quotes }",
    "}",
    ""
  ].join("\n");
  ReactDOM.render(
    React.createElement(GraphiQL, {
      fetcher: fetcher,
      defaultQuery: defaultQuery,
      headerEditorEnabled: true,
      shouldPersistHeaders: false
    }),
    document.getElementById("graphiql")
  );
})();

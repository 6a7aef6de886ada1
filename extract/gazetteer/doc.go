// Package gazetteer knows the world's countries, first-level regions and
// cities: their names and aliases, country codes, demonyms, coordinates and
// containment (Sochi is in Krasnodar Krai, in Russia).
//
// The table is derived from GeoNames through openly licensed npm packages
// (see SOURCES.md) by the generator in internal/gen, and embedded gzip'd; it
// is parsed once, on first use, in about 100 ms.
//
// Names match with graph.NameKey, so case, diacritics and punctuation do
// not matter ("Zürich", "ZURICH"). Many names are ambiguous (Georgia,
// Paris, Tripoli); Lookup returns every candidate and Best ranks them:
// countries first, then places in the countries a document already names,
// then capitals and region seats, then by population.
package gazetteer

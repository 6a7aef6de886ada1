package extract

// workContext reports whether the words around tokens [f, l) say that
// they name a work or a prize, not a person: "the abortion drama Vera
// Drake", "the novel Harry Potter", "an Oscar nomination", "Oscar
// winner". The tagger, which learned names from news of people, calls
// many titles people; one such context outweighs it (resolve gives the
// chain the type other), since a person is never "the film X". Only
// names the tagger calls people are read so: a newspaper, a studio or a
// club after such a word is an organization.
func workContext(c *chunk, f, l int) bool {
	before := c.lower(f - 1)
	if workNouns[before] && !isCap(c.tokText(f-1)) {
		return true
	}
	if l-f != 1 {
		return false
	}
	// "won an Oscar", "a Bafta": no one-word name of a person follows an
	// article with nothing between.
	// article with nothing between, unless as a modifier ("a Brown ally",
	// "a Bush spokesman").
	after := c.lower(l)
	return prizeNouns[after] || (c.tokText(f-1) == "an" || c.tokText(f-1) == "a") && isCap(c.tokText(f)) && (!isWordLower(c.tokText(l)) || afterPrize[after])
}

// afterPrize are the words that may follow a prize won ("an Oscar for
// best actor", "a Grammy and a Brit").
var afterPrize = set("for", "and", "in", "at", "on", "with", "or", "but", "this", "last", "nod")

// workNouns are written right before a work's title: "the film Vera
// Drake", "his album Confessions".
var workNouns = set("film", "films", "movie", "movies", "novel", "novels", "book", "books", "album", "albums",
	"musical", "opera", "sitcom", "documentary", "drama", "comedy", "thriller", "biopic", "blockbuster", "sequel",
	"soap", "videogame", "song", "songs", "epic", "cartoon", "painting", "ballet", "remake")

// prizeNouns follow a one-word prize's name: "an Oscar nomination", "the
// Grammy winner", "Bafta ceremony".
var prizeNouns = set("nomination", "nominations", "nominee", "nominees", "ceremony", "ceremonies", "statuette",
	"shortlist", "winner", "winners")

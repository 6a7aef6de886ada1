// Package date finds date and time expressions in news text and normalizes
// them to ISO 8601.
//
// Values are partial where the text is: "September 2015" is "2015-09", "in
// 2015" is "2015", "the 1990s" is the decade "199", "Feb 26, 1987" is
// "1987-02-26", and a time of day is "T15:00". A year is never invented:
// expressions without one are resolved only against an anchor, the
// document's publication time, and left without a Value when the anchor is
// the zero time.
//
// # Resolution rules (anchor given)
//
// The rules follow how news uses these words, checked against the dated
// expressions of GUM's Wikinews documents (see TestGUM):
//
//   - A month without a year ("December", "on Feb 26") is the nearest such
//     month to the anchor's (the earlier one on a tie); in a sentence about
//     the past ("was", "were", "had") the most recent on or before the
//     anchor's month, in one about the future ("will", "is due",
//     "scheduled") the first on or after it. After "last" it is the most
//     recent before the anchor's month, after "next" the first after it.
//   - A weekday ("Thursday", "on Monday night") is the most recent such day
//     on or before the anchor, or in a sentence about the future the first
//     on or after it: news tells of the days just past, so in a Friday
//     story "Thursday" is the day before, the Thursday of the week of
//     publication. "Last Thursday" is the most recent Thursday before the
//     anchor's day, "next Thursday" the first one after it, and "this
//     Thursday" the Thursday of the anchor's ISO week. A weekday written
//     with its date ("Friday, July 21, 2017") takes the date.
//   - "today", "tonight", "yesterday", "tomorrow" are days; "this week",
//     "last week", "next week" and "this weekend" are ISO weeks
//     ("2015-W39"); "this/last/next month" and "year" are months and years;
//     "three days ago", "Seventeen years ago" and "24 hours ago" count back
//     from the anchor, to the unit they name.
//
// A bare four-digit number is a year by its context: after "in", "since"
// and the like, attributive ("the 1991 Hajj", "a 2003 interview"), after
// or before a name ("World Cup 2018", "2002 World Cup") or between
// punctuation; not before a noun it counts ("2000 troops").
//
// Times of day are returned with Kind KindTime so that callers that want
// only calendar dates can skip them; they are never combined with a date.
package date

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
//   - A month without a year ("December", "on Feb 26") is the most recent
//     such month on or before the anchor's month; after "next" it is the
//     first one after the anchor's month.
//   - A weekday ("Thursday", "on Monday night") is that day of the ISO week
//     (Monday to Sunday) holding the anchor. "Last Thursday" is the most
//     recent Thursday before the anchor's day, "next Thursday" the first
//     one after it.
//   - "today", "tonight", "yesterday", "tomorrow" are days; "this week",
//     "last week", "next week" are ISO weeks ("2015-W39"); "this/last/next
//     month" and "year" are months and years; "three days ago" and "two
//     years ago" count back from the anchor, to the unit they name.
//
// Times of day are returned with Kind KindTime so that callers that want
// only calendar dates can skip them; they are never combined with a date.
package date

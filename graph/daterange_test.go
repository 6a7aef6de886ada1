package graph

import "testing"

func TestDateRange(t *testing.T) {
	for _, tc := range []struct {
		name    string
		r       DateRange
		code    string // of Validate
		in, out []string
	}{
		{"Zero", DateRange{}, "", []string{"", "1987-02-26T15:01:01", "2004"}, nil},
		{"Year", DateRange{Since: "2004", Until: "2004"}, "",
			[]string{"2004", "2004-01-01", "2004-12-31T23:59:59Z"}, []string{"", "2003-12-31", "2005-01-01", "2005"}},
		{"Month", DateRange{Since: "2004-03", Until: "2004-03"}, "",
			[]string{"2004-03", "2004-03-01", "2004-03-31T23:59:59"}, []string{"2004", "2004-02-29", "2004-04-01"}},
		{"Day", DateRange{Since: "2004-03-15", Until: "2004-03-16"}, "",
			[]string{"2004-03-15", "2004-03-16T23:00:00+02:00"}, []string{"2004-03-14T23:59:59", "2004-03-17", "2004-03"}},
		{"OnlySince", DateRange{Since: "1987-03"}, "", []string{"1987-03-01", "2005"}, []string{"1987-02-28", ""}},
		{"OnlyUntil", DateRange{Until: "1987-02-26"}, "", []string{"1987-02-26T15:01:01", "1986"}, []string{"1987-02-27", ""}},
		{"Time", DateRange{Since: "2004-03-15T10:00:00Z"}, "", []string{"2004-03-15T10:00:00Z", "2004-03-16"}, []string{"2004-03-15T09:59:59Z"}},
		{"MonthAfterYear", DateRange{Since: "2004-06", Until: "2004"}, "", []string{"2004-06-01", "2004-12"}, []string{"2004-05-31"}},
		{"BadMonth", DateRange{Since: "2004-13"}, EINVALID, nil, nil},
		{"BadDay", DateRange{Until: "2004-02-30"}, EINVALID, nil, nil},
		{"NotADate", DateRange{Until: "yesterday"}, EINVALID, nil, nil},
		{"Slashes", DateRange{Since: "15/03/2004"}, EINVALID, nil, nil},
		{"SinceAfterUntil", DateRange{Since: "2005", Until: "2004-12"}, EINVALID, nil, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if code := ErrorCode(tc.r.Validate()); tc.code != "" && code != tc.code || tc.code == "" && tc.r.Validate() != nil {
				t.Fatalf("Validate() = %v, want code %q", tc.r.Validate(), tc.code)
			}
			for _, d := range tc.in {
				if !tc.r.Contains(d) {
					t.Errorf("%+v does not contain %q", tc.r, d)
				}
			}
			for _, d := range tc.out {
				if tc.r.Contains(d) {
					t.Errorf("%+v contains %q", tc.r, d)
				}
			}
		})
	}
}

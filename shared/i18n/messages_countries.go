package i18n

func init() {
	register(map[Key][2]string{
		"country.AT": {"Austria", "Österreich"},
		"country.BE": {"Belgium", "Belgien"},
		"country.CH": {"Switzerland", "Schweiz"},
		"country.DE": {"Germany", "Deutschland"},
		"country.DK": {"Denmark", "Dänemark"},
		"country.ES": {"Spain", "Spanien"},
		"country.FR": {"France", "Frankreich"},
		"country.GB": {"United Kingdom", "Vereinigtes Königreich"},
		"country.IE": {"Ireland", "Irland"},
		"country.IT": {"Italy", "Italien"},
		"country.LU": {"Luxembourg", "Luxemburg"},
		"country.NL": {"Netherlands", "Niederlande"},
		"country.NO": {"Norway", "Norwegen"},
		"country.PL": {"Poland", "Polen"},
		"country.PT": {"Portugal", "Portugal"},
		"country.SE": {"Sweden", "Schweden"},
		"country.US": {"United States", "Vereinigte Staaten"},
	})
}

// Country returns the display name of an ISO country code.
func Country(lang, code string) string {
	if k := Key("country." + code); Has(k) {
		return T(lang, k)
	}
	return code
}

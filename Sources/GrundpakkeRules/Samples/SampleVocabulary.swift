/// The words synthetic records are made of: Danish municipalities and invented shelter names.
/// No names of people appear anywhere.
enum SampleVocabulary {
    static let municipalities = [
        "Aalborg", "Aarhus", "Esbjerg", "Fredericia", "Frederikshavn", "Haderslev", "Herning", "Hillerød",
        "Hjørring", "Holbæk", "Holstebro", "Horsens", "Kalundborg", "Kolding", "København", "Køge",
        "Middelfart", "Næstved", "Odense", "Randers", "Ringkøbing-Skjern", "Roskilde", "Silkeborg",
        "Skive", "Slagelse", "Svendborg", "Sønderborg", "Thisted", "Vejle", "Viborg", "Aabenraa", "Guldborgsund",
    ]

    /// The shelter's name: invented, numbered, and plainly synthetic.
    static func shelterName(_ number: Int, municipality: String) -> String {
        "Syntetisk krisecenter \(number < 10 ? "0" : "")\(number) (\(municipality))"
    }

    /// The shelter's id, e.g. `gen-kc-01`.
    static func shelterID(_ number: Int, width: Int) -> String {
        let digits = String(number)
        return "gen-kc-" + String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}

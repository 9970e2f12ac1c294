// Personal names for the demo dataset, typical of Kota Kupang: Timorese,
// Rotenese, Sabunese, Florenese, Sumbanese and other Indonesian names.

enum DemoNames {
    static let maleGiven: [String] = [
        "Yohanes", "Agustinus", "Marthen", "Imanuel", "Fransiskus", "Yoksan", "Daniel",
        "Yosef", "Petrus", "Paulus", "Stefanus", "Benyamin", "Yakobus", "Simon", "Elias",
        "Obed", "Frederik", "Hendrik", "Melkianus", "Yermias", "Aleksander", "Nikolaus",
        "Kristofel", "Aprianus", "Ferdinand", "Gerson", "Laurens", "Jefri", "Andreas",
        "Markus", "Matheus", "Yulius", "Herman", "Zakarias", "Roni", "Dominikus",
        "Gabriel", "Vinsensius", "Umbu", "Ishak",
    ]

    static let femaleGiven: [String] = [
        "Maria", "Yuliana", "Febronia", "Dorkas", "Margaretha", "Selfina", "Yohana",
        "Agustina", "Elisabeth", "Ester", "Naomi", "Ruth", "Debora", "Magdalena",
        "Theresia", "Sarlota", "Veronika", "Anastasia", "Adriana", "Fransiska", "Imelda",
        "Katarina", "Lidia", "Martha", "Yasinta", "Oktovina", "Novita", "Meriyanti",
        "Yustina", "Rambu", "Marselina", "Herlina", "Kristina", "Florida", "Getrudis",
        "Jublina", "Welmince", "Oktaviana", "Sisilia", "Rosalia",
    ]

    static let family: [String] = [
        "Ndun", "Manafe", "Fanggidae", "Lay", "Tefa", "Benu", "Bire", "Dethan", "Kana",
        "Nalle", "Pello", "Riwu", "Haning", "Kolo", "Lado", "Mau", "Tallo", "Sine",
        "Toelle", "Ratu", "Kore", "Sogen", "Lewar", "Amalo", "Bessie", "Lenggu",
        "Messakh", "Ndolu", "Radja", "Tanone", "Sinlae", "Nenobais", "Taneo", "Selan",
        "Neonub", "Seran", "Bria", "Klau", "Nahak", "Parera", "Keraf", "Kewa", "Tukan",
        "Bunga", "Djami", "Huru", "Ludji", "Adoe", "Foenay", "Mooy", "Saudale",
        "Therik", "Zacharias", "Lomi", "Pandie", "Ully", "Kapitan", "Koroh", "Bolla",
        "Wadu", "Nope", "Boimau", "Lake", "Sabat",
    ]

    /// Muslim names (Kupang has Solorese, Alorese, Bugis and Bajo families):
    /// written as first + second name, without a clan name.
    static let muslimMaleFirst: [String] = ["Muhammad", "Abdul", "Ahmad", "Ismail", "Yusuf", "Hamzah"]
    static let muslimMaleSecond: [String] = ["Rahman", "Hidayat", "Syarif", "Ridwan", "Kadir", "Basri", "Arsyad"]
    static let muslimFemaleFirst: [String] = ["Siti", "Nur", "Fatimah", "Aisyah", "Halimah"]
    static let muslimFemaleSecond: [String] = ["Aminah", "Hasanah", "Rahmawati", "Nurhaliza", "Zubaidah", "Salmah"]

    /// A full name and the part used for the e-mail address (first.last).
    static func make(female: Bool, rng: inout DemoRandom) -> (name: String, emailLocal: String) {
        if rng.chance(0.1) {
            let first = rng.pick(female ? muslimFemaleFirst : muslimMaleFirst)
            let second = rng.pick(female ? muslimFemaleSecond : muslimMaleSecond)
            return (first + " " + second, emailPart(first) + "." + emailPart(second))
        }
        let pool = female ? femaleGiven : maleGiven
        let first = rng.pick(pool)
        var parts = [first]
        if rng.chance(0.35) {
            let middle = rng.pick(pool)
            if middle != first { parts.append(middle) }
        }
        let last = rng.pick(family)
        parts.append(last)
        return (parts.joined(separator: " "), emailPart(first) + "." + emailPart(last))
    }

    /// Lower-case ASCII letters only ("Da Costa" -> "dacosta").
    static func emailPart(_ word: String) -> String {
        String(word.lowercased().filter { ("a"..."z").contains($0) })
    }
}

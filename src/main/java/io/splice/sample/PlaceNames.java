package io.splice.sample;

import java.util.List;
import java.util.SplittableRandom;

/** Dutch place and street names, and postcodes in the Dutch {@code 1234 AB} format. */
final class PlaceNames {

    private static final List<String> CITIES = List.of(
            "Utrecht", "Amersfoort", "Zwolle", "Apeldoorn", "Deventer", "Enschede", "Hengelo", "Almelo",
            "Groningen", "Leeuwarden", "Assen", "Emmen", "Arnhem", "Nijmegen", "Ede", "Doetinchem",
            "Eindhoven", "Helmond", "Tilburg", "Breda", "Venlo", "Roermond", "Maastricht", "Heerlen",
            "Middelburg", "Goes", "Alkmaar", "Hoorn", "Lelystad", "Harderwijk", "Winterswijk", "Meppel");

    private static final List<String> DISTRICTS = List.of(
            "Oost", "West", "Noord", "Zuid", "Centrum", "Buitengebied", "Kern", "Zuidoost");

    private static final List<String> STREETS = List.of(
            "Kerkstraat", "Dorpsstraat", "Hoofdstraat", "Molenweg", "Schoolstraat", "Stationsweg",
            "Julianastraat", "Beatrixlaan", "Wilhelminastraat", "Prins Bernhardstraat", "Oranjestraat",
            "Eikenlaan", "Lindelaan", "Esdoornstraat", "Berkenweg", "Nieuwstraat", "Marktplein",
            "Parallelweg", "Sportlaan", "Rembrandtlaan", "Van Goghstraat", "Burgemeester de Withstraat",
            "'t Zand", "Hoge Weg", "Lange Akker", "Zuiderzeestraat", "Dijkweg", "Veldweg", "Brinkstraat",
            "Tulpstraat", "Klaproosweg", "Kastanjelaan", "Vlasakker", "Pastoor van Arsstraat");

    /** Letter pairs Dutch postcodes never use. */
    private static final List<String> UNUSED_LETTERS = List.of("SA", "SD", "SS");

    private PlaceNames() {
    }

    static String city(SplittableRandom random) {
        return RowRandom.pick(CITIES, random);
    }

    static String district(SplittableRandom random) {
        return RowRandom.pick(DISTRICTS, random);
    }

    static String street(SplittableRandom random) {
        return RowRandom.pick(STREETS, random);
    }

    /** Matches {@code ^[1-9][0-9]{3} ?[A-Z]{2}$}. */
    static String postcode(SplittableRandom random) {
        int digits = random.nextInt(1000, 10_000);
        String letters;
        do {
            letters = "" + letter(random) + letter(random);
        } while (UNUSED_LETTERS.contains(letters));
        return digits + " " + letters;
    }

    private static char letter(SplittableRandom random) {
        return (char) ('A' + random.nextInt(26));
    }
}

package io.haderos.shipping.sandbox;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The Gulf/MENA cities the Aramex stand-in knows, per country, with the aliases integrators send.
 *
 * <p>A city is valid only in its own country ({@code Dubai} with {@code SA} is invalid, as in the
 * ERR52 samples integrators report). Matching ignores case, hyphens and repeated spaces. The
 * 3-letter codes are the stand-in's own (used as {@code Origin}/{@code Destination} entities).
 */
final class Cities {

    /** A known city: canonical name, entity code, country and country name. */
    record City(String name, String code, String countryCode, String countryName) {
        String location() {
            return name + ", " + countryName;
        }
    }

    private static final Map<String, City> BY_KEY = new HashMap<>();

    static {
        country(
                "SA",
                "Saudi Arabia",
                "Riyadh|RUH",
                "Jeddah,Jiddah|JED",
                "Dammam|DMM",
                "Makkah,Mecca,Makkah Al Mukarramah|MAK",
                "Madinah,Medina,Al Madinah,Al Madinah Al Munawwarah|MED",
                "Khobar,Al Khobar|KBR",
                "Dhahran|DHA",
                "Taif,At Taif|TIF",
                "Tabuk|TUU",
                "Abha|AHB",
                "Buraidah,Buraydah|ELQ",
                "Hail|HAS",
                "Jubail,Al Jubail|JUB",
                "Khamis Mushait|KMX",
                "Najran|EAM",
                "Jazan,Jizan|GIZ",
                "Yanbu|YNB",
                "Hofuf,Al Hofuf,Al Ahsa,Al Hasa|HOF",
                "Qatif,Al Qatif|QTF");
        country(
                "AE",
                "United Arab Emirates",
                "Dubai|DXB",
                "Abu Dhabi|AUH",
                "Sharjah|SHJ",
                "Ajman|AJM",
                "Ras Al Khaimah|RKT",
                "Fujairah|FJR",
                "Umm Al Quwain|UAQ",
                "Al Ain|AAN");
        country(
                "KW",
                "Kuwait",
                "Kuwait City,Kuwait|KWI",
                "Hawalli|HWL",
                "Salmiya|SLM",
                "Farwaniya|FRW",
                "Ahmadi|AHM",
                "Jahra|JHR");
        country("QA", "Qatar", "Doha|DOH", "Al Wakrah|WAK", "Al Rayyan|RAY", "Lusail|LUS");
        country("BH", "Bahrain", "Manama|BAH", "Muharraq|MUH", "Riffa|RIF", "Isa Town|ISA");
        country("OM", "Oman", "Muscat|MCT", "Salalah|SLL", "Sohar|OHS", "Nizwa|NIZ");
        country("JO", "Jordan", "Amman|AMM", "Zarqa|ZAR", "Irbid|IRB", "Aqaba|AQJ");
        country(
                "EG",
                "Egypt",
                "Cairo|CAI",
                "Alexandria|ALY",
                "Giza|GZA",
                "Hurghada|HRG",
                "Sharm El Sheikh|SSH",
                "Mansoura|MNS");
        country("LB", "Lebanon", "Beirut|BEY", "Tripoli|TRP");
        country("IQ", "Iraq", "Baghdad|BGW", "Erbil|EBL", "Basra|BSR");
        country("MA", "Morocco", "Casablanca|CAS", "Rabat|RBA");
        country("TN", "Tunisia", "Tunis|TUN");
    }

    private Cities() {}

    /** Finds a city in a country; empty when either is unknown or they do not match. */
    static Optional<City> find(String countryCode, String cityName) {
        if (countryCode == null || cityName == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(BY_KEY.get(key(countryCode, cityName)));
    }

    private static void country(String code, String countryName, String... cities) {
        for (String spec : cities) {
            String[] parts = spec.split("\\|");
            List<String> names = List.of(parts[0].split(","));
            City city = new City(names.get(0), parts[1], code, countryName);
            for (String alias : names) {
                BY_KEY.put(key(code, alias), city);
            }
        }
    }

    private static String key(String countryCode, String cityName) {
        String city = cityName.toLowerCase(Locale.ROOT)
                .replace('-', ' ')
                .replace('_', ' ')
                .trim()
                .replaceAll("\\s+", " ");
        return countryCode.trim().toUpperCase(Locale.ROOT) + "/" + city;
    }
}

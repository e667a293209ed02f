package io.haderos.shipping.adapter.smsa;

import io.haderos.shipping.domain.model.Address;
import io.haderos.shipping.domain.model.CarrierId;
import io.haderos.shipping.domain.model.Money;
import io.haderos.shipping.domain.model.RateQuote;
import io.haderos.shipping.domain.model.RateRequest;
import io.haderos.shipping.domain.model.Weight;
import io.haderos.shipping.domain.port.out.CarrierMessage;
import io.haderos.shipping.domain.port.out.CarrierRejectedException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * SMSA prices from a local table, because the eCom API has no rate operation for merchants.
 * The format is described on {@link SmsaConfig#tariffFile()}. Immutable once loaded; thread-safe.
 */
final class SmsaTariff {

    static final String BUNDLED_RESOURCE = "/io/haderos/shipping/adapter/smsa/example-tariff.csv";
    private static final String BUNDLED_NAME =
            "bundled example tariff (classpath:" + BUNDLED_RESOURCE.substring(1) + ")";

    private static final Pattern ZONE_NAME = Pattern.compile("[A-Za-z0-9_-]{1,40}");
    private static final Pattern SERVICE = Pattern.compile("[A-Z0-9]{2,10}");
    /** At most 999999.999, so that even 1000 kg stay within {@link Money#MAX_AMOUNT}. */
    private static final Pattern AMOUNT = Pattern.compile("[0-9]{1,6}(\\.[0-9]{1,3})?");

    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    private static final String ANY_CITY = "*";

    private final String source;
    private final Map<Place, String> zones;
    /** (from zone, to zone) → rows in file order. */
    private final Map<Route, List<Rate>> rates;

    private SmsaTariff(String source, Map<Place, String> zones, Map<Route, List<Rate>> rates) {
        this.source = source;
        this.zones = Map.copyOf(zones);
        Map<Route, List<Rate>> copy = new HashMap<>();
        rates.forEach((route, rows) -> copy.put(route, List.copyOf(rows)));
        this.rates = Map.copyOf(copy);
    }

    /**
     * Reads {@code file}, or the bundled example when empty.
     *
     * @throws IllegalArgumentException naming the file, and the line where there is one, when the tariff is
     *                                  unreadable or malformed
     */
    static SmsaTariff load(Optional<Path> file) {
        if (file.isPresent()) {
            Path path = file.get();
            byte[] bytes;
            try {
                bytes = Files.readAllBytes(path);
            } catch (IOException e) {
                throw new IllegalArgumentException("SMSA tariff " + path + " cannot be read: " + e, e);
            }
            return parse(path.toString(), bytes);
        }
        try (InputStream in = SmsaTariff.class.getResourceAsStream(BUNDLED_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(BUNDLED_NAME + " is missing from the jar");
            }
            return parse(BUNDLED_NAME, in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(BUNDLED_NAME + " cannot be read", e);
        }
    }

    /** Parses tariff text; {@code source} names it in error messages. */
    static SmsaTariff parse(String source, byte[] utf8) {
        String text;
        try {
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(utf8))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("SMSA tariff " + source + " is not UTF-8 text");
        }
        return new Parser(source).parse(text);
    }

    /** Where the tariff came from: a path or the bundled resource. */
    String source() {
        return source;
    }

    /**
     * One quote per service the tariff offers between the request's places (only the requested service, when
     * it names one), priced for the request's weight.
     *
     * @throws CarrierRejectedException when the tariff cannot price the request: an unknown place, no rate
     *                                  between the zones, or not the requested service
     */
    List<RateQuote> quote(RateRequest request) {
        String from = zoneOf(request.origin(), "origin");
        String to = zoneOf(request.destination(), "destination");
        List<Rate> offered = rates.getOrDefault(new Route(from, to), List.of());
        if (offered.isEmpty()) {
            throw rejected(
                    "destination",
                    "SMSA has no rate from zone " + from + " (" + describe(request.origin()) + ") to zone " + to + " ("
                            + describe(request.destination()) + ")");
        }
        List<Rate> chosen = request.service()
                .map(service -> offered.stream()
                        .filter(rate -> rate.service().equals(service))
                        .toList())
                .orElse(offered);
        if (chosen.isEmpty()) {
            throw rejected(
                    "service",
                    "SMSA has no " + request.service().orElseThrow() + " rate from zone " + from
                            + " to zone " + to + "; offered: "
                            + String.join(
                                    ", ", offered.stream().map(Rate::service).toList()));
        }
        int kilograms = chargeableKilograms(request.weight());
        return chosen.stream()
                .map(rate -> new RateQuote(CarrierId.SMSA, rate.service(), rate.price(kilograms)))
                .toList();
    }

    /** Every started kilogram counts: 0.2 kg → 1, 1.0 kg → 1, 1.01 kg → 2. */
    static int chargeableKilograms(Weight weight) {
        return Math.max(1, weight.kilograms().setScale(0, RoundingMode.CEILING).intValueExact());
    }

    private String zoneOf(Address place, String field) {
        String country = place.country().value();
        String zone = zones.get(new Place(country, normalizeCity(place.city())));
        if (zone == null) {
            zone = zones.get(new Place(country, ANY_CITY));
        }
        if (zone == null) {
            throw rejected(field + ".city", "SMSA tariff has no zone for " + field + " " + describe(place));
        }
        return zone;
    }

    private static String describe(Address place) {
        return place.country().value() + "/" + place.city();
    }

    private static CarrierRejectedException rejected(String code, String message) {
        return new CarrierRejectedException(CarrierId.SMSA, List.of(new CarrierMessage(code, message)));
    }

    /** Case, spaces and punctuation do not distinguish cities: {@code Al-Khobar} = {@code al khobar}. */
    static String normalizeCity(String city) {
        String trimmed = city.strip();
        if (trimmed.equals(ANY_CITY)) {
            return ANY_CITY;
        }
        return trimmed.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
    }

    private record Place(String country, String city) {}

    private record Route(String from, String to) {}

    private record Rate(String service, BigDecimal firstKg, BigDecimal extraKg, Currency currency) {

        Money price(int kilograms) {
            BigDecimal amount = firstKg.add(extraKg.multiply(BigDecimal.valueOf(kilograms - 1L)));
            return new Money(
                    amount.setScale(Math.max(currency.getDefaultFractionDigits(), 0), RoundingMode.UNNECESSARY),
                    currency);
        }
    }

    /** Two passes, so zones may be declared after the rates that use them; every fault names its line. */
    private static final class Parser {

        private final String source;
        private final Map<Place, String> zones = new HashMap<>();
        private final Map<Place, Integer> zoneLines = new HashMap<>();
        private final Set<String> zoneNames = new java.util.HashSet<>();
        private final List<RateLine> rateLines = new ArrayList<>();

        Parser(String source) {
            this.source = source;
        }

        SmsaTariff parse(String text) {
            String[] lines = text.split("\r?\n|\r", -1);
            for (int i = 0; i < lines.length; i++) {
                int number = i + 1;
                String line = number == 1 && lines[i].startsWith("\uFEFF") ? lines[i].substring(1) : lines[i];
                String trimmed = line.strip();
                if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                    continue;
                }
                String[] fields = trimmed.split(",", -1);
                for (int f = 0; f < fields.length; f++) {
                    fields[f] = fields[f].strip();
                }
                switch (fields[0].toLowerCase(Locale.ROOT)) {
                    case "zone" -> zone(number, fields);
                    case "rate" -> rateLines.add(rate(number, fields));
                    default ->
                        throw fault(number, "unknown record type '" + fields[0] + "' (expected 'zone' or 'rate')");
                }
            }
            Map<Route, List<Rate>> rates = new LinkedHashMap<>();
            for (RateLine line : rateLines) {
                requireZone(line.number(), line.route().from(), "from");
                requireZone(line.number(), line.route().to(), "to");
                List<Rate> rows = rates.computeIfAbsent(line.route(), route -> new ArrayList<>());
                if (rows.stream()
                        .anyMatch(rate -> rate.service().equals(line.rate().service()))) {
                    throw fault(
                            line.number(),
                            "duplicate rate for " + line.route().from() + " -> "
                                    + line.route().to() + " service "
                                    + line.rate().service());
                }
                rows.add(line.rate());
            }
            if (rates.isEmpty()) {
                throw new IllegalArgumentException("SMSA tariff " + source + " defines no rate lines");
            }
            return new SmsaTariff(source, zones, rates);
        }

        private void zone(int number, String[] fields) {
            columns(number, fields, 4, "zone,<zone>,<country>,<city|*>");
            String name = fields[1];
            if (!ZONE_NAME.matcher(name).matches()) {
                throw fault(number, "bad zone name '" + name + "' (letters, digits, '-' and '_', at most 40)");
            }
            String country = fields[2];
            if (!COUNTRIES.contains(country)) {
                throw fault(number, "bad country '" + country + "' (an ISO-3166 alpha-2 code such as SA)");
            }
            String city = normalizeCity(fields[3]);
            if (city.isEmpty()) {
                throw fault(number, "missing city (a city name, or * for the rest of the country)");
            }
            Place place = new Place(country, city);
            Integer earlier = zoneLines.putIfAbsent(place, number);
            if (earlier != null) {
                throw fault(
                        number,
                        "city '" + fields[3] + "' in " + country + " is already in zone " + zones.get(place) + " (line "
                                + earlier + ")");
            }
            zones.put(place, name);
            zoneNames.add(name);
        }

        private RateLine rate(int number, String[] fields) {
            columns(number, fields, 7, "rate,<from-zone>,<to-zone>,<service>,<first-kg>,<extra-kg>,<currency>");
            String service = fields[3];
            if (!SERVICE.matcher(service).matches()) {
                throw fault(
                        number, "bad service code '" + service + "' (2 to 10 upper-case letters or digits, e.g. EDDL)");
            }
            Currency currency = currency(number, fields[6]);
            BigDecimal first = amount(number, fields[4], "first-kg", currency);
            BigDecimal extra = amount(number, fields[5], "extra-kg", currency);
            return new RateLine(number, new Route(fields[1], fields[2]), new Rate(service, first, extra, currency));
        }

        private void requireZone(int number, String zone, String end) {
            if (!zoneNames.contains(zone)) {
                throw fault(number, "unknown " + end + " zone '" + zone + "' (declare it with a zone line)");
            }
        }

        private void columns(int number, String[] fields, int expected, String shape) {
            if (fields.length != expected) {
                throw fault(
                        number,
                        "wrong column count: expected " + expected + " (" + shape + "), found " + fields.length);
            }
        }

        private Currency currency(int number, String code) {
            if (code.matches("[A-Z]{3}")) {
                try {
                    Currency currency = Currency.getInstance(code);
                    if (currency.getDefaultFractionDigits() >= 0) {
                        return currency;
                    }
                } catch (IllegalArgumentException e) {
                    // reported below
                }
            }
            throw fault(number, "bad currency '" + code + "' (an ISO-4217 code such as SAR)");
        }

        private BigDecimal amount(int number, String text, String column, Currency currency) {
            if (!AMOUNT.matcher(text).matches()) {
                throw fault(
                        number,
                        "bad number '" + text + "' in " + column
                                + " (a non-negative decimal below 1000000 such as 25.00)");
            }
            BigDecimal amount = new BigDecimal(text);
            int decimals = currency.getDefaultFractionDigits();
            if (amount.stripTrailingZeros().scale() > decimals) {
                throw fault(
                        number,
                        "bad number '" + text + "' in " + column + ": " + currency.getCurrencyCode() + " has "
                                + decimals + " decimals");
            }
            return amount;
        }

        private IllegalArgumentException fault(int number, String what) {
            return new IllegalArgumentException("SMSA tariff " + source + ", line " + number + ": " + what);
        }
    }

    private record RateLine(int number, Route route, Rate rate) {}
}
